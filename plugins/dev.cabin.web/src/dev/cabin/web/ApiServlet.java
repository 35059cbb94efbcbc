package dev.cabin.web;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API of the server: each request is one operation ({@code GET /tree}); a refusal is answered with its status
 * and {@code {"error": reason}}, a failure is logged in one line and answered with 500 and a sentence, never with
 * a stack trace.
 */
abstract class ApiServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;
	private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());

	/** Carries out an operation, {@code METHOD /path} after the API's own path. */
	protected abstract void handle(String operation, HttpServletRequest request, HttpServletResponse response)
			throws IOException, Refusal;

	@Override
	protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String operation = request.getMethod() + " " + request.getPathInfo();
		try {
			handle(operation, request, response);
		} catch (Refusal refusal) {
			ApiResponses.json(response, refusal.status(), Map.of("error", refusal.getMessage()));
		} catch (IOException | RuntimeException e) {
			LOG.warning("cabin web: " + operation + " failed: " + e);
			ApiResponses.json(response, 500, Map.of("error", "the server could not do that: " + e.getClass().getSimpleName()));
		}
	}

	static Refusal noSuch(String operation) {
		return new Refusal(Refusal.NOT_FOUND, "there is no " + operation);
	}
}
