package dev.cabin.dsl.ide.server;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The error a failed request is answered with: the server's own errors keep their code, the first line of
 * their message and their reasons, a method the server does not implement is "method not found", anything else an internal
 * error that points to the server's log. Never the stack trace LSP4J puts into an error's data by default.
 */
final class ErrorReplies {

	private ErrorReplies() {
	}

	static ResponseError of(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException
				|| cause instanceof InvocationTargetException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof ResponseErrorException refused) {
			ResponseError error = refused.getResponseError();
			String message = error.getMessage() == null ? "The request failed" : Problems.firstLine(error.getMessage());
			// Xtext's own refusals carry their reasons as text (a rename's problems), never a trace
			return new ResponseError(error.getCode(), message, error.getData() instanceof String reasons ? reasons : null);
		}
		if (cause instanceof UnsupportedOperationException) {
			return new ResponseError(ResponseErrorCode.MethodNotFound,
					"The Cabin language server does not implement this method", null);
		}
		return new ResponseError(ResponseErrorCode.InternalError,
				"The request failed in the Cabin language server; its log says why", null);
	}
}
