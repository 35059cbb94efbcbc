package dev.cabin.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.logging.Logger;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages without what a browser must not see: no stack, no exception, no class name. A refusal's
 * own sentence is kept; a failure is answered with its status and logged in one line.
 */
final class ErrorPages {

	private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

	private ErrorPages() {
	}

	/** For requests that no servlet has taken (the access gate's refusals, malformed requests). */
	static ErrorHandler server() {
		return quiet(new ErrorHandler() {
			@Override
			protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
					String contentType, List<Charset> charsets, int code, String message, Throwable cause)
					throws IOException {
				return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code,
						sentence(code, message, cause), null);
			}
		});
	}

	/** For requests inside the servlet context (the files, the page, the WebSocket handshakes). */
	static ErrorHandler context() {
		return quiet(new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
			@Override
			protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
					String contentType, List<Charset> charsets, int code, String message, Throwable cause)
					throws IOException {
				return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code,
						sentence(code, message, cause), null);
			}
		});
	}

	private static ErrorHandler quiet(ErrorHandler handler) {
		handler.setShowStacks(false);
		handler.setShowCauses(false);
		handler.setShowOrigin(false);
		return handler;
	}

	private static String sentence(int code, String message, Throwable cause) {
		if (cause == null && code < 500) {
			return message;
		}
		LOG.warning("cabin web: answered " + code + ": " + (cause != null ? cause : message));
		return HttpStatus.getMessage(code) + ": the server's log says more";
	}
}
