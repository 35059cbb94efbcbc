package dev.cabin.web.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cabin.web.WebServer;

/** A browser's requests to a {@code cabin web} server, made with the JDK's HTTP and WebSocket clients. */
final class WebClient {

	static final Duration PATIENCE = Duration.ofSeconds(60);
	/** For a request that compiles an agent and runs it many times (a lab test, a car build). */
	static final Duration LONG_WORK = Duration.ofMinutes(5);

	final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
	final URI base;
	final String token;
	final String origin;

	WebClient(WebServer server) {
		URI url = server.url();
		this.base = URI.create("http://127.0.0.1:" + server.port());
		this.token = url.getQuery().substring("token=".length());
		this.origin = base.toString();
	}

	HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(PATIENCE);
	}

	/** A request of this page: with the token and the page's own origin. */
	HttpRequest.Builder authorized(String pathAndQuery) {
		return request(pathAndQuery).header("Authorization", "Bearer " + token).header("Origin", origin);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return send(authorized(pathAndQuery).GET());
	}

	/** A WebSocket to the server, sending the given headers in its handshake; its messages queue up. */
	Socket connect(String path, String... headers)
			throws InterruptedException, ExecutionException, TimeoutException, Refused {
		Socket socket = new Socket();
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(PATIENCE);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			socket.webSocket = builder.buildAsync(URI.create("ws://127.0.0.1:" + base.getPort() + path), socket)
					.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof WebSocketHandshakeException refused) {
				throw new Refused(refused.getResponse().statusCode(), String.valueOf(refused.getResponse().body()));
			}
			throw e;
		}
		return socket;
	}

	/** A WebSocket of this page: with the token and the page's own origin. */
	Socket connectAsPage(String path) throws InterruptedException, ExecutionException, TimeoutException, Refused {
		return connect(path, "Authorization", "Bearer " + token, "Origin", origin);
	}

	/** A handshake the server refused, with its status and what it said. */
	static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		final int status;

		Refused(int status, String body) {
			super("the handshake was answered " + status + ": " + body);
			this.status = status;
		}
	}

	/** One WebSocket connection; each whole text message it receives is queued. */
	static final class Socket implements WebSocket.Listener {
		final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
		/** The status the server closed the connection with. */
		final CompletableFuture<Integer> closed = new CompletableFuture<>();
		private final StringBuilder partial = new StringBuilder();
		WebSocket webSocket;

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add(partial.toString());
				partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			closed.completeExceptionally(error);
		}

		/** The status the server closed the connection with, waiting for it. */
		int closeStatus() throws InterruptedException, ExecutionException, TimeoutException {
			return closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}

		void send(String text) throws InterruptedException, ExecutionException, TimeoutException {
			webSocket.sendText(text, true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}

		String next() throws InterruptedException {
			String message = messages.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			if (message == null) {
				throw new AssertionError("no message from the server within " + PATIENCE.toSeconds() + " s");
			}
			return message;
		}

		void close() {
			webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
		}
	}
}
