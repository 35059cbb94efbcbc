package dev.cabin.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page and its scripts, styles and fonts, from this bundle's {@code web/} folder (the front end's build
 * output, inside the jar): no Node.js and no file of the workspace is involved in serving them.
 */
final class PageResources extends HttpServlet {

	private static final long serialVersionUID = 1L;
	static final String FOLDER = "web/";

	private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
			"text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "ttf", "font/ttf", "svg",
			"image/svg+xml", "png", "image/png", "json", "application/json;charset=utf-8");

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// as the default servlet ("/"), the whole path is the servlet path
		String requested = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		String path = requested.isEmpty() || requested.equals("/") ? "index.html" : requested.substring(1);
		String extension = path.substring(path.lastIndexOf('.') + 1);
		URL resource = path.contains("..") || !TYPES.containsKey(extension) ? null
				: PageResources.class.getClassLoader().getResource(FOLDER + path);
		if (resource == null) {
			response.setStatus(404);
			response.setContentType("text/plain;charset=utf-8");
			response.getWriter().write("Not found: " + path);
			return;
		}
		response.setContentType(TYPES.get(extension));
		response.setHeader("Cache-Control", "no-cache");
		try (InputStream in = resource.openStream()) {
			in.transferTo(response.getOutputStream());
		}
	}
}
