package dev.cabin.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The workspace's files over HTTP, under {@code /api}:
 * <ul>
 * <li>{@code GET workspace}: the workspace's root URI (the language server's documents are named under it)</li>
 * <li>{@code GET tree}: every folder and file</li>
 * <li>{@code GET file?path=P}: the file's text, its version in the ETag header</li>
 * <li>{@code PUT file?path=P} with {@code If-Match}: a save; 409 when the file changed since that version</li>
 * <li>{@code POST file?path=P} (the body is the text), {@code POST folder?path=P}: create; 409 when it exists</li>
 * <li>{@code POST rename?from=P&to=Q}, {@code DELETE file?path=P}</li>
 * </ul>
 * Every refusal is answered with its status and {@code {"error": reason}}; a failure is logged in one line and
 * answered with 500 and a sentence, never with a stack trace.
 */
final class FilesApi extends ApiServlet {

	private static final long serialVersionUID = 1L;

	private final transient WorkspaceFiles files;
	private final transient WorkspacePaths paths;
	private final transient WebLimits limits;

	FilesApi(WorkspacePaths paths, WorkspaceFiles files, WebLimits limits) {
		this.paths = paths;
		this.files = files;
		this.limits = limits;
	}

	@Override
	protected void handle(String operation, HttpServletRequest request, HttpServletResponse response)
			throws IOException, Refusal {
		switch (operation) {
		case "GET /workspace" -> ApiResponses.json(response, 200, Map.of("rootUri", paths.root().toUri().toString(),
				"name", String.valueOf(paths.root().getFileName())));
		case "GET /tree" -> ApiResponses.json(response, 200, files.tree());
		case "GET /file" -> read(request, response);
		case "PUT /file" -> version(response, 200,
				files.save(path(request), request.getHeader("If-Match"), body(request)));
		case "POST /file" -> version(response, 201, files.create(path(request), body(request)));
		case "POST /folder" -> {
			files.create(path(request), null);
			ApiResponses.json(response, 201, Map.of());
		}
		case "POST /rename" -> {
			files.rename(request.getParameter("from"), request.getParameter("to"));
			ApiResponses.json(response, 200, Map.of());
		}
		case "DELETE /file" -> {
			files.delete(path(request));
			response.setStatus(204);
		}
		default -> throw noSuch(operation);
		}
	}

	private void read(HttpServletRequest request, HttpServletResponse response) throws IOException, Refusal {
		WorkspaceFiles.Version version = files.read(path(request));
		response.setStatus(200);
		response.setContentType("text/plain;charset=utf-8");
		response.setHeader("ETag", version.etag());
		response.setHeader("Cache-Control", "no-store");
		response.getOutputStream().write(version.bytes());
	}

	private static String path(HttpServletRequest request) throws Refusal {
		String path = request.getParameter("path");
		if (path == null) {
			throw new Refusal(Refusal.BAD_REQUEST, "the request names no path (?path=)");
		}
		return path;
	}

	private byte[] body(HttpServletRequest request) throws IOException, Refusal {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(limits.maxFileBytes() + 1);
			if (bytes.length > limits.maxFileBytes()) {
				throw new Refusal(Refusal.TOO_LARGE, "a file may have at most " + limits.maxFileBytes() + " bytes");
			}
			return bytes;
		}
	}

	private static void version(HttpServletResponse response, int status, String etag) throws IOException {
		response.setHeader("ETag", etag);
		ApiResponses.json(response, status, Map.of("etag", etag));
	}
}
