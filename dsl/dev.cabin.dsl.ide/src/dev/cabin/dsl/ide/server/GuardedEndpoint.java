package dev.cabin.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's methods as the client reaches them, guarded: documents past the size limit are never handed to
 * Xtext (the client gets one diagnostic saying so), requests on documents that are not open (or refused) are
 * answered with an empty result, positions are clamped to their document, and a failure is logged in one line
 * and answered by {@link ErrorReplies}, never thrown at the transport.
 */
final class GuardedEndpoint implements Endpoint {

	private static final Logger LOG = Logger.getLogger(GuardedEndpoint.class.getName());
	static final String TOO_LARGE = "dev.cabin.lsp.documentTooLarge";

	private final Endpoint server;
	private final OpenDocuments documents;
	private final LspLimits limits;
	private volatile LanguageClient client;

	GuardedEndpoint(Endpoint server, LspLimits limits) {
		this.server = server;
		this.limits = limits;
		this.documents = new OpenDocuments(limits.maxDocumentChars());
	}

	void connect(LanguageClient client) {
		this.client = client;
	}

	/** Whether Xtext's diagnostics for a document are stale: it was refused, the client has ours. */
	boolean isRefused(String uri) {
		return documents.isRefused(uri);
	}

	@Override
	public void notify(String method, Object parameter) {
		try {
			if (parameter instanceof DidOpenTextDocumentParams open) {
				opened(method, open);
			} else if (parameter instanceof DidChangeTextDocumentParams change) {
				changed(method, change);
			} else if (parameter instanceof DidCloseTextDocumentParams close) {
				if (documents.close(close.getTextDocument().getUri())) {
					server.notify(method, parameter);
				}
			} else {
				server.notify(method, parameter);
			}
		} catch (RuntimeException e) {
			LOG.warning("Cabin language server: " + method + " failed: " + Problems.logLine(e));
		}
	}

	private void opened(String method, DidOpenTextDocumentParams open) {
		TextDocumentItem document = open.getTextDocument();
		String text = document.getText() == null ? "" : document.getText();
		if (documents.open(document.getUri(), text)) {
			server.notify(method, open);
		} else {
			tooLarge(document.getUri(), limits.documentTooLarge(text.length()));
		}
	}

	private void changed(String method, DidChangeTextDocumentParams change) {
		String uri = change.getTextDocument().getUri();
		OpenDocuments.Outcome outcome = documents.change(uri, change.getContentChanges());
		switch (outcome.change()) {
		case APPLY -> server.notify(method, change);
		case REFUSE -> {
			server.notify("textDocument/didClose", new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
			tooLarge(uri, limits.documentTooLarge(outcome.length()));
		}
		case ADMIT -> server.notify("textDocument/didOpen", new DidOpenTextDocumentParams(
				new TextDocumentItem(uri, "cabin", change.getTextDocument().getVersion(), documents.text(uri))));
		case IGNORE -> {
			// not open, or still too large
		}
		}
	}

	/** A document whose message was refused: Xtext forgets it, the client learns why. */
	void refused(String uri, String reason) {
		boolean wasOpen = documents.close(uri);
		documents.refuse(uri);
		if (wasOpen) {
			server.notify("textDocument/didClose", new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
		}
		tooLarge(uri, reason);
	}

	private void tooLarge(String uri, String reason) {
		LOG.warning("Cabin language server: not checking " + Problems.firstLine(uri) + ": " + reason);
		LanguageClient connected = client;
		if (connected != null) {
			Diagnostic diagnostic = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)), reason,
					DiagnosticSeverity.Error, "cabin", TOO_LARGE);
			connected.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of(diagnostic)));
		}
	}

	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		TextDocumentIdentifier document = documentOf(parameter);
		if (document != null) {
			String text = document.getUri() == null ? null : documents.text(document.getUri());
			if (text == null) {
				return CompletableFuture.completedFuture(null);
			}
			documents.clamp(text, parameter);
		}
		CompletableFuture<?> result;
		try {
			result = server.request(method, parameter);
		} catch (RuntimeException e) {
			result = CompletableFuture.failedFuture(e);
		}
		result.whenComplete((value, failure) -> {
			if (failure != null && !isAnswer(failure)) {
				LOG.warning("Cabin language server: " + method + " failed: " + Problems.logLine(failure));
			}
		});
		return result;
	}

	/* Cancelled work and the server's own refusals (nothing to rename here) are answers, not failures. */
	private static boolean isAnswer(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CancellationException || cause instanceof ResponseErrorException) {
				return true;
			}
		}
		return false;
	}

	/* The document a request is about, for the requests Xtext serves on one document. */
	private static TextDocumentIdentifier documentOf(Object parameter) {
		if (parameter instanceof TextDocumentPositionParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof CodeActionParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof DocumentFormattingParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof DocumentRangeFormattingParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof DocumentSymbolParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof FoldingRangeRequestParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof SemanticTokensParams p) {
			return p.getTextDocument();
		} else if (parameter instanceof CodeLensParams p) {
			return p.getTextDocument();
		}
		return null;
	}
}
