package dev.cabin.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.cabin.dsl.ide.server.CabinLanguageServer;
import dev.cabin.dsl.ide.server.LspLimits;

/**
 * A client that writes the protocol's bytes itself, as a hostile one would: any framing, any JSON, any
 * params. Replies are read from the server's stream as JSON. Waits are bounded by a generous guard, so that a
 * server that stops answering fails the test instead of hanging it.
 */
final class RawLspConnection implements AutoCloseable {

	private static final long GUARD_SECONDS = 120;

	private final PipedOutputStream toServer;
	private final BlockingQueue<JsonObject> fromServer = new LinkedBlockingQueue<>();
	private final List<JsonObject> notTaken = new ArrayList<>();
	private final CabinLanguageServer.Running running;
	private final Path workspace;
	private int nextId = 1000;

	RawLspConnection(Path workspace, LspLimits limits) throws IOException {
		this.workspace = workspace;
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		toServer = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		running = CabinLanguageServer.start(serverIn, serverOut, limits);
		Thread reader = new Thread(() -> readReplies(clientIn), "raw LSP client");
		reader.setDaemon(true);
		reader.start();
	}

	private void readReplies(InputStream in) {
		try {
			while (true) {
				int length = -1;
				StringBuilder line = new StringBuilder();
				int c;
				while ((c = in.read()) != -1) {
					if (c == '\n') {
						if (line.length() == 0) {
							break;
						}
						if (line.toString().startsWith("Content-Length:")) {
							length = Integer.parseInt(line.substring("Content-Length:".length()).trim());
						}
						line.setLength(0);
					} else if (c != '\r') {
						line.append((char) c);
					}
				}
				if (c == -1 || length < 0) {
					return;
				}
				byte[] body = in.readNBytes(length);
				fromServer.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
			}
		} catch (IOException e) {
			// the server closed its output
		}
	}

	/** Sends one well-framed message. */
	void send(String json) throws IOException {
		sendRaw(frame(json));
	}

	static byte[] frame(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream framed = new ByteArrayOutputStream();
		framed.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		framed.writeBytes(body);
		return framed.toByteArray();
	}

	void sendRaw(byte[] bytes) throws IOException {
		toServer.write(bytes);
		toServer.flush();
	}

	/** Sends a request and returns its id. */
	int request(String method, String params) throws IOException {
		int id = nextId++;
		send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
		return id;
	}

	void notify(String method, String params) throws IOException {
		send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
	}

	/** The response to a request, after whatever the server sent before it. */
	JsonObject reply(int id) throws InterruptedException {
		return next(m -> m.has("id") && !m.has("method") && m.get("id").equals(new JsonPrimitive(id)), "reply to " + id);
	}

	/** The diagnostics the server publishes next for a document. */
	JsonArray diagnostics(String uri) throws InterruptedException {
		return next(m -> "textDocument/publishDiagnostics".equals(method(m))
				&& uri.equals(m.getAsJsonObject("params").get("uri").getAsString()), "diagnostics of " + uri)
				.getAsJsonObject("params").getAsJsonArray("diagnostics");
	}

	private static String method(JsonObject message) {
		return message.has("method") ? message.get("method").getAsString() : null;
	}

	/* The first message, in the order the server sent them, that is wanted and was not taken yet. */
	private JsonObject next(Predicate<JsonObject> wanted, String what) throws InterruptedException {
		for (Iterator<JsonObject> earlier = notTaken.iterator(); earlier.hasNext();) {
			JsonObject message = earlier.next();
			if (wanted.test(message)) {
				earlier.remove();
				return message;
			}
		}
		while (true) {
			JsonObject message = fromServer.poll(GUARD_SECONDS, TimeUnit.SECONDS);
			assertNotNull(message, "the server never sent the " + what);
			if (wanted.test(message)) {
				return message;
			}
			notTaken.add(message);
		}
	}

	void initialize() throws Exception {
		int id = request("initialize", "{\"rootUri\":" + quote(workspace.toUri().toString())
				+ ",\"capabilities\":{\"textDocument\":{\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true}}}}");
		assertFalse(reply(id).has("error"), "initialize");
		notify("initialized", "{}");
	}

	String uri(String name) {
		return workspace.resolve(name).toUri().toString();
	}

	/** Opens a document (not written to disk) and returns its URI. */
	String open(String name, String text) throws IOException {
		String uri = uri(name);
		notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":" + quote(uri)
				+ ",\"languageId\":\"cabin\",\"version\":1,\"text\":" + quote(text) + "}}");
		return uri;
	}

	static String quote(String text) {
		return new JsonPrimitive(text).toString();
	}

	@Override
	public void close() throws Exception {
		reply(request("shutdown", "null"));
		notify("exit", "null");
		running.exited().get(GUARD_SECONDS, TimeUnit.SECONDS);
		toServer.close();
	}
}
