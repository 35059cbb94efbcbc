package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.cabin.web.WebServer;

/** {@code /lsp}: the Cabin language server as a browser's editor talks to it, one JSON message per frame. */
class LspOverWebSocketTest {

	static final String AGENT = """
			agent Roof {
				locales en-US
				intent Open {
					en-US: "open the sunroof", "open the roof"
				}
				on voice Open -> flow Opening
				flow Opening {
					branch {
						when Vehicle.Speed > 100 {
							say "Not at this speed."
						}
						otherwise {
							say "Opening."
						}
					}
					end
				}
			}
			""";

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		Files.writeString(workspace.resolve("on-disk.cabin"), AGENT.replace("Vehicle.Speed", "Vehicle.Sped"));
		server = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	/** A browser tab's session: initialized as Monaco's client does it, with no root. */
	private static WebClient.Socket session() throws Exception {
		WebClient.Socket socket = client.connect("/lsp", "Authorization", "Bearer " + client.token, "Origin",
				client.origin);
		socket.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
				+ "\"rootUri\":null,\"capabilities\":{}}}");
		JsonObject initialized = until(socket, message -> message.has("id") && message.get("id").getAsInt() == 1,
				new ArrayList<>());
		assertTrue(initialized.getAsJsonObject("result").getAsJsonObject("capabilities").has("completionProvider"),
				initialized.toString());
		socket.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
		return socket;
	}

	private static JsonObject until(WebClient.Socket socket, java.util.function.Predicate<JsonObject> wanted,
			List<JsonObject> seen) throws InterruptedException {
		while (true) {
			JsonObject message = JsonParser.parseString(socket.next()).getAsJsonObject();
			seen.add(message);
			if (wanted.test(message)) {
				return message;
			}
		}
	}

	private static JsonObject diagnosticsOf(WebClient.Socket socket, String uri) throws InterruptedException {
		return until(socket, message -> "textDocument/publishDiagnostics".equals(method(message))
				&& sameFile(uri, message.getAsJsonObject("params").get("uri").getAsString()), new ArrayList<>());
	}

	private static String method(JsonObject message) {
		JsonElement method = message.get("method");
		return method == null ? null : method.getAsString();
	}

	/* The server may spell a file URI file:/ or file:///; the browser matches both. */
	private static boolean sameFile(String a, String b) {
		return a.replaceFirst("^file:/+", "/").equals(b.replaceFirst("^file:/+", "/"));
	}

	private static List<String> codes(JsonObject published) {
		List<String> codes = new ArrayList<>();
		for (JsonElement diagnostic : published.getAsJsonObject("params").getAsJsonArray("diagnostics")) {
			JsonElement code = diagnostic.getAsJsonObject().get("code");
			codes.add(code == null ? null : code.getAsString());
		}
		return codes;
	}

	@Test
	void theServerChecksTheServedWorkspaceThoughTheBrowserNamedNoRoot() throws Exception {
		WebClient.Socket socket = session();

		JsonObject published = diagnosticsOf(socket, workspace.toRealPath().resolve("on-disk.cabin").toUri().toString());

		assertTrue(codes(published).contains("dev.cabin.dsl.unknownVssPath"), published.toString());
		socket.close();
	}

	@Test
	void aTypedErrorIsPublishedAndCompletionProposesVssPaths() throws Exception {
		WebClient.Socket socket = session();
		String uri = workspace.toRealPath().resolve("typed.cabin").toUri().toString();
		String text = AGENT.replace("Vehicle.Speed > 100", "Vehicle.Cabin.Sunroof. > 100");
		JsonObject open = JsonParser.parseString("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
				+ "\"params\":{\"textDocument\":{\"languageId\":\"cabin\",\"version\":1}}}").getAsJsonObject();
		JsonObject document = open.getAsJsonObject("params").getAsJsonObject("textDocument");
		document.addProperty("uri", uri);
		document.addProperty("text", text);
		socket.send(open.toString());

		JsonObject published = diagnosticsOf(socket, uri);
		assertFalse(codes(published).isEmpty(), published.toString());

		String[] lines = text.split("\n", -1);
		int line = 0;
		while (!lines[line].contains("Sunroof. >")) {
			line++;
		}
		int character = lines[line].indexOf("Sunroof.") + "Sunroof.".length();
		socket.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":"
				+ "{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}}");
		JsonObject completion = until(socket, message -> message.has("id") && message.get("id").getAsInt() == 7,
				new ArrayList<>());
		JsonElement result = completion.get("result");
		JsonArray items = result.isJsonArray() ? result.getAsJsonArray() : result.getAsJsonObject().getAsJsonArray("items");
		List<String> labels = new ArrayList<>();
		items.forEach(item -> labels.add(item.getAsJsonObject().get("label").getAsString()));
		assertTrue(labels.contains("Position") && labels.contains("Shade"), labels.toString());
		socket.close();
	}
}
