package dev.cabin.car.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One car's side of hawkBit's Direct Device Integration API (REST API v1): its controller resource, reached with
 * its target security token. The token goes into the {@code Authorization} header and nowhere else: no message
 * of this class quotes it.
 */
public final class DdiServer {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();
	private final ObjectMapper json = new ObjectMapper();
	private final URI controller;
	private final String authorization;

	/**
	 * @param server hawkBit's address, e.g. {@code http://127.0.0.1:8080}
	 * @param tenant the tenant, {@code DEFAULT} on a server with one
	 */
	public DdiServer(URI server, String tenant, String controllerId, String token) {
		String base = server.toString().replaceAll("/+$", "");
		this.controller = URI.create(base + "/" + encoded(tenant) + "/controller/v1/" + encoded(controllerId));
		this.authorization = "TargetToken " + token;
	}

	private static String encoded(String segment) {
		return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The controller's base resource: the polling interval and links to what the server wants done. */
	public JsonNode poll() throws DdiException {
		return get(controller);
	}

	public JsonNode get(URI uri) throws DdiException {
		HttpResponse<String> response = send(request(uri).GET().build());
		try {
			return json.readTree(response.body());
		} catch (IOException e) {
			throw new DdiException("hawkBit answered " + uri.getPath() + " with something that is not JSON");
		}
	}

	public void put(URI uri, Object body) throws DdiException {
		send(request(uri).header("Content-Type", "application/json").PUT(bodyOf(body)).build());
	}

	public void post(URI uri, Object body) throws DdiException {
		send(request(uri).header("Content-Type", "application/json").POST(bodyOf(body)).build());
	}

	/** The resource {@code path} below the controller's, e.g. {@code configData}. */
	public URI below(String path) {
		return URI.create(controller + "/" + path);
	}

	/** An artifact's bytes from {@code offset} on (HTTP Range); the caller closes the stream. */
	public HttpResponse<InputStream> download(URI uri, long offset) throws DdiException {
		HttpRequest.Builder request = request(uri).GET();
		if (offset > 0) {
			request.header("Range", "bytes=" + offset + "-");
		}
		HttpResponse<InputStream> response = exchange(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200 && response.statusCode() != 206) {
			try {
				response.body().close();
			} catch (IOException e) {
				throw unreachable(e);
			}
			throw refused(response.statusCode(), uri, "");
		}
		return response;
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
				.header("Authorization", authorization);
	}

	private HttpRequest.BodyPublisher bodyOf(Object body) throws DdiException {
		try {
			return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
		} catch (IOException e) {
			throw new DdiException("cannot write a request to hawkBit: " + e.getMessage(), e);
		}
	}

	private HttpResponse<String> send(HttpRequest request) throws DdiException {
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw refused(response.statusCode(), request.uri(), response.body());
		}
		return response;
	}

	/* Every request to hawkBit: one way to say it could not be reached or was interrupted. */
	private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) throws DdiException {
		try {
			return http.send(request, body);
		} catch (IOException e) {
			throw unreachable(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DdiException("interrupted while talking to hawkBit", e);
		}
	}

	private DdiException unreachable(IOException e) {
		if (e instanceof DdiException ddi) {
			return ddi;
		}
		String why = e instanceof ConnectException || e instanceof HttpConnectTimeoutException ? "nothing answers"
				: e instanceof HttpTimeoutException ? "no answer in time" : e.getClass().getSimpleName();
		return new DdiException("cannot reach hawkBit at " + controller.getScheme() + "://" + controller.getAuthority()
				+ " (" + why + ")", e);
	}

	private DdiException refused(int status, URI uri, String body) {
		if (status == 401 || status == 403) {
			return new DdiException("hawkBit refused the car's token for " + uri.getPath() + " (HTTP " + status
					+ "); check the controller id and the token file, and that target tokens are enabled");
		}
		String reason = "";
		try {
			JsonNode error = json.readTree(body);
			if (error != null && error.hasNonNull("message")) {
				reason = ": " + error.get("message").asText();
			}
		} catch (IOException e) {
			// no JSON error body: the status says enough
		}
		return new DdiException("hawkBit answered " + uri.getPath() + " with HTTP " + status + reason);
	}
}
