package dev.cabin.fleet;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * hawkBit's Management API (REST API v1) over plain HTTP: JSON requests with the account's Basic authorization,
 * and every answer that is not a success turned into a {@link HawkbitException} with hawkBit's reason.
 */
public final class ManagementApi {

	public static final String DEFAULT_TENANT = "DEFAULT";
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
	private final ObjectMapper json = new ObjectMapper();
	private final String server;
	private final String authorization;

	/** @param tenant the tenant, or {@code null} for hawkBit's default one */
	public ManagementApi(URI server, String tenant, HawkbitCredentials credentials) {
		this.server = server.toString().replaceAll("/+$", "");
		this.authorization = credentials.authorization(tenant);
	}

	/** {@code ?q=} with a filter in hawkBit's query language (FIQL), encoded for a URL. */
	public static String query(String filter) {
		return "?q=" + java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8);
	}

	public JsonNode get(String path) throws HawkbitException {
		return send(request(path).GET().build());
	}

	public JsonNode post(String path, Object body) throws HawkbitException {
		return send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)).build());
	}

	public JsonNode put(String path, Object body) throws HawkbitException {
		return send(request(path).header("Content-Type", "application/json").PUT(jsonBody(body)).build());
	}

	/** A multipart upload of a file as the form field {@code file}, with more text fields. */
	public JsonNode upload(String path, Path file, Map<String, String> fields) throws HawkbitException {
		String boundary = "cabin-" + UUID.randomUUID();
		List<byte[]> parts = new ArrayList<>();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
		try {
			parts.add(Files.readAllBytes(file));
		} catch (IOException e) {
			throw new HawkbitException("cannot read " + file + ": " + e.getMessage(), e);
		}
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(server + path)).timeout(TIMEOUT).header("Accept", "application/json")
				.header("Authorization", authorization);
	}

	private HttpRequest.BodyPublisher jsonBody(Object body) throws HawkbitException {
		try {
			return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
		} catch (IOException e) {
			throw new HawkbitException("cannot write a request for hawkBit: " + e.getMessage(), e);
		}
	}

	private JsonNode send(HttpRequest request) throws HawkbitException {
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			String why = e instanceof ConnectException || e instanceof HttpConnectTimeoutException ? "nothing answers"
					: e instanceof HttpTimeoutException ? "no answer in time" : e.getClass().getSimpleName();
			throw new HawkbitException("cannot reach hawkBit at " + server + " (" + why + ")", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new HawkbitException("interrupted while talking to hawkBit", e);
		}
		int status = response.statusCode();
		if (status == 401 || status == 403) {
			throw new HawkbitException("hawkBit at " + server + " refused the account of " + HawkbitCredentials.USER
					+ " (HTTP " + status + ")");
		}
		JsonNode body = parse(response.body());
		if (status / 100 != 2) {
			String reason = body != null && body.hasNonNull("message") ? body.get("message").asText()
					: "HTTP " + status;
			throw new HawkbitException("hawkBit refused " + request.method() + " " + request.uri().getPath() + ": "
					+ reason);
		}
		return body == null ? json.createObjectNode() : body;
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return json.readTree(body);
		} catch (IOException e) {
			return null;
		}
	}
}
