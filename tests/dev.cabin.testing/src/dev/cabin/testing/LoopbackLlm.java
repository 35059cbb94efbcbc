package dev.cabin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that speaks an LLM provider's protocol from a script of answers: OpenAI chat
 * completions ({@code /v1/chat/completions}, JSON or SSE) and Ollama ({@code /api/chat}, JSON or NDJSON).
 * Binds 127.0.0.1 on a free port; each answer may be delayed, fail with a status or be malformed. When the
 * script runs out it answers 500. {@link #close()} stops it.
 */
public final class LoopbackLlm implements AutoCloseable {

	/** One scripted answer. */
	public record Answer(int status, String contentType, List<String> chunks, long delayMs) {
		public static Answer json(String body) {
			return new Answer(200, "application/json", List.of(body), 0);
		}

		public static Answer status(int status) {
			return new Answer(status, "application/json", List.of("{\"error\":{\"message\":\"scripted " + status
					+ "\",\"type\":\"server_error\"}}"), 0);
		}

		public Answer delayed(long ms) {
			return new Answer(status, contentType, chunks, ms);
		}
	}

	/** A request the server received. */
	public record Received(String path, String authorization, String body) {
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newFixedThreadPool(4);
	private final Deque<Function<Received, Answer>> script = new ArrayDeque<>();
	private final List<Received> received = new ArrayList<>();

	public LoopbackLlm() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.setExecutor(threads);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public LoopbackLlm then(Answer answer) {
		return then(received -> answer);
	}

	/** An answer made from the request it answers (one that echoes a header, say). */
	public synchronized LoopbackLlm then(Function<Received, Answer> answer) {
		script.addLast(answer);
		return this;
	}

	public synchronized List<Received> received() {
		return List.copyOf(received);
	}

	private void answer(HttpExchange exchange) throws IOException {
		Answer answer;
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			synchronized (this) {
				Received request = new Received(exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization"), body);
				received.add(request);
				answer = script.isEmpty() ? Answer.status(500) : script.removeFirst().apply(request);
			}
		}
		try {
			Thread.sleep(answer.delayMs());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		exchange.getResponseHeaders().add("Content-Type", answer.contentType());
		try (OutputStream out = exchange.getResponseBody()) {
			if (answer.chunks().size() == 1) {
				byte[] bytes = answer.chunks().get(0).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(answer.status(), bytes.length);
				out.write(bytes);
			} else {
				exchange.sendResponseHeaders(answer.status(), 0);
				for (String chunk : answer.chunks()) {
					out.write(chunk.getBytes(StandardCharsets.UTF_8));
					out.flush();
				}
			}
		} catch (IOException e) {
			// the client gave up (a timeout under test): nothing more to send
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	// ---------------------------------------------------------------- OpenAI

	public static Answer openAiText(String text) {
		return Answer.json("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(text)
				+ "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}");
	}

	public static Answer openAiToolCall(String name, String argumentsJson) {
		return Answer.json("{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
				+ "\"type\":\"function\",\"function\":{\"name\":" + quote(name) + ",\"arguments\":" + quote(argumentsJson)
				+ "}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}");
	}

	/** The text as server-sent events, one per piece, ending with {@code [DONE]}. */
	public static Answer openAiStream(String... pieces) {
		List<String> chunks = new ArrayList<>();
		for (String piece : pieces) {
			chunks.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test-model\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(piece) + "},\"finish_reason\":null}]}\n\n");
		}
		chunks.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test-model\","
				+ "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
		chunks.add("data: [DONE]\n\n");
		return new Answer(200, "text/event-stream", chunks, 0);
	}

	/** A tool call streamed in two argument fragments, as OpenAI streams them. */
	public static Answer openAiStreamedToolCall(String name, String argumentsStart, String argumentsEnd) {
		String head = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test-model\",\"choices\":[{\"index\":0,\"delta\":";
		return new Answer(200, "text/event-stream", List.of(
				head + "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":"
						+ quote(name) + ",\"arguments\":" + quote(argumentsStart) + "}}]},\"finish_reason\":null}]}\n\n",
				head + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(argumentsEnd)
						+ "}}]},\"finish_reason\":null}]}\n\n",
				head + "{},\"finish_reason\":\"tool_calls\"}]}\n\n",
				"data: [DONE]\n\n"), 0);
	}

	// ---------------------------------------------------------------- Ollama

	public static Answer ollamaText(String text) {
		return Answer.json("{\"model\":\"test-model\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":" + quote(text) + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":5}");
	}

	public static Answer ollamaStream(String... pieces) {
		List<String> chunks = new ArrayList<>();
		for (String piece : pieces) {
			chunks.add("{\"model\":\"test-model\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
					+ "\"content\":" + quote(piece) + "},\"done\":false}\n");
		}
		chunks.add("{\"model\":\"test-model\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":5}\n");
		return new Answer(200, "application/x-ndjson", chunks, 0);
	}

	public static Answer ollamaToolCall(String name, String argumentsJson) {
		return Answer.json("{\"model\":\"test-model\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":" + quote(name) + ",\"arguments\":" + argumentsJson
				+ "}}]},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":10,\"eval_count\":5}");
	}

	public static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			default -> out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
