package dev.cabin.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page and its scripts, styles and fonts, from this bundle's {@code web/} folder (the front end's build
 * output, inside the jar): no Node.js and no file of the workspace is involved in serving them.
 * <p>
 * The page's script and styles are named after their content ({@code app-HASH.js}, listed in the build's
 * {@code assets.json}); the page is sent with those names, and a browser may keep them for good, so that coming
 * back it neither downloads nor compiles them again. Everything else (the page, a plain name) is checked by the
 * browser on each use ({@code no-cache} with an ETag: an unchanged file costs a 304). A browser that accepts gzip
 * gets the build's compressed twin.
 */
final class PageResources extends HttpServlet {

	private static final long serialVersionUID = 1L;
	static final String FOLDER = "web/";

	private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
			"text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "ttf", "font/ttf", "svg",
			"image/svg+xml", "png", "image/png", "json", "application/json;charset=utf-8");

	private static final Pattern ASSET = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");
	private static final String FOR_GOOD = "public, max-age=31536000, immutable";

	/** What is sent for a path: its bytes (as the build wrote them, or the page with hashed names), gzipped too. */
	private record Resource(byte[] body, Optional<byte[]> gzipped, String etag, boolean hashed) {
	}

	/* Plain name to hashed name, from the build. */
	private final Map<String, String> assets = readAssets();
	/* What was found (a path that was not is looked for again: no request can make this grow without bound). */
	private final Map<String, Resource> resources = new ConcurrentHashMap<>();

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// as the default servlet ("/"), the whole path is the servlet path
		String requested = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		String path = requested.isEmpty() || requested.equals("/") ? "index.html" : requested.substring(1);
		String extension = path.substring(path.lastIndexOf('.') + 1);
		Optional<Resource> found = path.contains("..") || !TYPES.containsKey(extension) ? Optional.empty()
				: Optional.ofNullable(resources.get(path)).or(() -> load(path));
		if (found.isEmpty()) {
			response.setStatus(404);
			response.setContentType("text/plain;charset=utf-8");
			response.getWriter().write("Not found: " + path);
			return;
		}
		Resource resource = found.get();
		resources.putIfAbsent(path, resource);
		response.setContentType(TYPES.get(extension));
		response.setHeader("Cache-Control", resource.hashed() ? FOR_GOOD : "no-cache");
		response.setHeader("ETag", resource.etag());
		response.setHeader("Vary", "Accept-Encoding");
		String known = request.getHeader("If-None-Match");
		if (known != null && known.contains(resource.etag())) {
			response.setStatus(304);
			return;
		}
		byte[] body = resource.body();
		String accepted = request.getHeader("Accept-Encoding");
		if (resource.gzipped().isPresent() && accepted != null && accepted.contains("gzip")) {
			body = resource.gzipped().get();
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/* A plain name of a hashed file is served with that file's content, for whoever asks by the plain name. */
	private Optional<Resource> load(String path) {
		boolean hashed = assets.containsValue(path);
		String file = assets.getOrDefault(path, path);
		Optional<byte[]> body = read(file);
		if (body.isEmpty()) {
			return Optional.empty();
		}
		byte[] bytes = path.equals("index.html") ? withHashedNames(body.get()) : body.get();
		Optional<byte[]> gzipped = path.equals("index.html") ? Optional.empty() : read(file + ".gz");
		return Optional.of(new Resource(bytes, gzipped, etag(bytes), hashed));
	}

	private byte[] withHashedNames(byte[] page) {
		String text = new String(page, StandardCharsets.UTF_8);
		for (Map.Entry<String, String> asset : assets.entrySet()) {
			text = text.replace("\"" + asset.getKey() + "\"", "\"" + asset.getValue() + "\"");
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> readAssets() {
		Map<String, String> assets = new ConcurrentHashMap<>();
		read("assets.json").ifPresent(json -> {
			Matcher entry = ASSET.matcher(new String(json, StandardCharsets.UTF_8));
			while (entry.find()) {
				assets.put(entry.group(1), entry.group(2));
			}
		});
		return assets;
	}

	private static Optional<byte[]> read(String path) {
		try (InputStream in = PageResources.class.getClassLoader().getResourceAsStream(FOLDER + path)) {
			return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
		} catch (IOException e) {
			throw new UncheckedIOException("cabin web: cannot read the page's " + path + " from the jar", e);
		}
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK has no SHA-256", e);
		}
	}
}
