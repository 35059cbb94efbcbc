package dev.cabin.dsl.ide.tests;

import static dev.cabin.dsl.ide.tests.LanguageServerTest.CLIMATE;
import static dev.cabin.dsl.ide.tests.RawLspConnection.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.cabin.dsl.ide.server.LspLimits;

/**
 * The language server, put on a network, answers every request of a hostile client: whatever the framing,
 * nesting, size, method, params or positions, each request gets a result or an error with the protocol's code
 * and no stack trace, the next well-framed request is answered, and nothing is logged with a stack trace.
 */
class HostileClientTest {

	private static final String HOVER = "textDocument/hover";

	@TempDir
	Path workspace;

	private ServerLog log;
	private RawLspConnection client;

	@BeforeEach
	void listenToTheLog() {
		log = new ServerLog();
	}

	@AfterEach
	void stopTheServer() throws Exception {
		try {
			if (client != null) {
				client.close();
			}
			assertEquals(List.of(), log.withStackTraces(), "nothing is logged with a stack trace");
		} finally {
			log.close();
		}
	}

	private void connect(LspLimits limits) throws Exception {
		client = new RawLspConnection(workspace, limits);
	}

	/** A server with a checked climate agent open; returns its URI. */
	private String initializedWithClimate(LspLimits limits) throws Exception {
		connect(limits);
		client.initialize();
		String uri = client.open("climate.cabin", CLIMATE);
		assertEquals(0, client.diagnostics(uri).size());
		return uri;
	}

	private static String document(String uri) {
		return "{\"uri\":" + quote(uri) + "}";
	}

	private static String position(long line, long character) {
		return "{\"line\":" + line + ",\"character\":" + character + "}";
	}

	private static String range(String start, String end) {
		return "{\"start\":" + start + ",\"end\":" + end + "}";
	}

	private static String at(String uri, String position) {
		return "{\"textDocument\":" + document(uri) + ",\"position\":" + position + "}";
	}

	private static String at(String uri, String position, String more) {
		return "{\"textDocument\":" + document(uri) + ",\"position\":" + position + "," + more + "}";
	}

	private static String speedPosition() {
		String before = CLIMATE.substring(0, CLIMATE.indexOf("Vehicle.Speed") + 9);
		int line = (int) before.chars().filter(c -> c == '\n').count();
		return position(line, before.length() - before.lastIndexOf('\n') - 1);
	}

	/** A normal hover is answered with the signal's facts: the server still serves. */
	private void assertTheServerStillAnswers(String uri) throws Exception {
		JsonObject reply = client.reply(client.request(HOVER, at(uri, speedPosition())));
		assertClean(reply);
		assertTrue(reply.getAsJsonObject("result").toString().contains("km/h"), reply.toString());
	}

	private static void assertClean(JsonObject reply) {
		String text = reply.toString();
		assertFalse(text.contains("Exception") || text.contains("at org.") || text.contains("\\tat "),
				"no stack trace in " + text);
	}

	private static JsonObject assertError(int code, JsonObject reply) {
		assertClean(reply);
		assertTrue(reply.has("error"), reply.toString());
		JsonObject error = reply.getAsJsonObject("error");
		assertEquals(code, error.get("code").getAsInt(), reply.toString());
		return error;
	}

	private static String nested(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	@Test
	void aRequestNestedThousandsDeepIsRefusedAndTheNextRequestIsAnswered() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);

		String params = "{\"textDocument\":" + document(uri) + ",\"position\":" + speedPosition() + ",\"deep\":"
				+ nested(5000) + "}";
		int id = client.request(HOVER, params);

		String message = assertError(-32600, client.reply(id)).get("message").getAsString();
		assertTrue(message.contains("64 levels") && message.contains("--max-json-depth"), message);
		assertTheServerStillAnswers(uri);
	}

	@Test
	void aMessageOverTheSizeLimitIsRefusedAndTheStreamStaysInStep() throws Exception {
		String uri = initializedWithClimate(new LspLimits(100_000, 64, 50_000));

		String junk = "x".repeat(200_000);
		int id = client.request(HOVER, "{\"textDocument\":" + document(uri) + ",\"position\":" + speedPosition()
				+ ",\"junk\":" + quote(junk) + "}");
		String message = assertError(-32600, client.reply(id)).get("message").getAsString();
		assertTrue(message.contains("100000 bytes") && message.contains("--max-message-bytes"), message);

		String large = client.open("large.cabin", junk);
		JsonArray diagnostics = client.diagnostics(large);
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		assertTrue(diagnostics.get(0).toString().contains("--max-message-bytes"), diagnostics.toString());

		client.sendRaw("no header at all\r\n\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		assertTheServerStillAnswers(uri);
	}

	@Test
	void positionsOutOfRangeAndInvertedRangesAreClamped() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);
		List<String> positions = List.of(position(100_000, 0), position(0, 100_000), position(-1, -1),
				position(5, 100_000), position(Integer.MAX_VALUE, Integer.MAX_VALUE));
		List<Integer> ids = new ArrayList<>();
		for (String position : positions) {
			String at = at(uri, position);
			ids.add(client.request(HOVER, at));
			ids.add(client.request("textDocument/completion", at));
			ids.add(client.request("textDocument/definition", at));
			ids.add(client.request("textDocument/documentHighlight", at));
			ids.add(client.request("textDocument/signatureHelp", at));
			ids.add(client.request("textDocument/prepareRename", at));
			ids.add(client.request("textDocument/references", at(uri, position, "\"context\":{\"includeDeclaration\":true}")));
			ids.add(client.request("textDocument/rename", at(uri, position, "\"newName\":\"t\"")));
			String inverted = range(position, position(0, 0));
			ids.add(client.request("textDocument/codeAction", "{\"textDocument\":" + document(uri) + ",\"range\":"
					+ inverted + ",\"context\":{\"diagnostics\":[{\"range\":" + inverted
					+ ",\"message\":\"m\",\"code\":\"dev.cabin.dsl.unknownVssPath\"}]}}"));
			ids.add(client.request("textDocument/rangeFormatting", "{\"textDocument\":" + document(uri)
					+ ",\"range\":" + inverted + ",\"options\":{\"tabSize\":4,\"insertSpaces\":false}}"));
		}
		ids.add(client.request("textDocument/semanticTokens/full", "{\"textDocument\":" + document(client.uri("absent.cabin")) + "}"));
		ids.add(client.request("textDocument/documentSymbol", "{\"textDocument\":" + document(client.uri("absent.cabin")) + "}"));

		for (int id : ids) {
			JsonObject reply = client.reply(id);
			assertClean(reply);
			// a rename where nothing can be renamed is refused as such, not as a failure of the server
			assertTrue(!reply.has("error") || reply.getAsJsonObject("error").get("code").getAsInt() != -32603,
					reply.toString());
		}
		assertTheServerStillAnswers(uri);
	}

	@Test
	void aChangeWithAnInvertedRangePastTheEndIsClampedLikeItsRequests() throws Exception {
		connect(LspLimits.DEFAULTS);
		client.initialize();
		String uri = client.open("climate.cabin", CLIMATE.replace("Vehicle.Speed", "Vehicle.Sped"));
		assertEquals(1, client.diagnostics(uri).size());

		client.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + quote(uri) + ",\"version\":2},"
				+ "\"contentChanges\":[{\"range\":" + range(position(9_999, 9_999), position(0, 0)) + ",\"text\":"
				+ quote(CLIMATE) + "}]}");

		assertEquals(0, client.diagnostics(uri).size(), "the whole text was replaced");
		assertTheServerStillAnswers(uri);
	}

	@Test
	void unknownAndUnimplementedMethodsAreMethodNotFound() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);

		assertError(-32601, client.reply(client.request("cabin/noSuchMethod", "{}")));
		assertError(-32601, client.reply(client.request("$/noSuchRequest", "{}")));
		assertError(-32601, client.reply(client.request("textDocument/onTypeFormatting", "{\"textDocument\":"
				+ document(uri) + ",\"position\":" + position(0, 0) + ",\"ch\":\"}\",\"options\":{\"tabSize\":4,"
				+ "\"insertSpaces\":false}}")));
		assertError(-32601, client.reply(client.request("textDocument/publishDiagnostics", "{}")));
		assertTheServerStillAnswers(uri);
	}

	@Test
	void badParamsAreInvalidParams() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);

		assertError(-32602, client.reply(client.request(HOVER, "{\"textDocument\":" + document(uri) + ",\"position\":\"here\"}")));
		assertError(-32602, client.reply(client.request(HOVER, "{\"textDocument\":" + document(uri) + "}")));
		assertError(-32602, client.reply(client.request(HOVER, "null")));
		assertError(-32602, client.reply(client.request(HOVER, "5")));
		assertError(-32602, client.reply(client.request("textDocument/completion", "{\"textDocument\":{},\"position\":"
				+ position(0, 0) + "}")));
		assertTheServerStillAnswers(uri);
	}

	@Test
	void malformedJsonIsAParseErrorAndTheNextRequestIsAnswered() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);

		client.send("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":");
		assertError(-32700, client.reply(77));
		assertTheServerStillAnswers(uri);
	}

	@Test
	void requestsBeforeInitializeAreRefusedWithoutFloodingTheLog() throws Exception {
		connect(LspLimits.DEFAULTS);
		String early = client.uri("early.cabin");
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			client.open("early.cabin", CLIMATE);
			ids.add(client.request(HOVER, at(early, speedPosition())));
		}

		for (int id : ids) {
			assertError(-32002, client.reply(id));
		}
		assertTrue(log.entries().size() < 10, log.entries().toString());
		client.initialize();
		String uri = client.open("climate.cabin", CLIMATE);
		assertEquals(0, client.diagnostics(uri).size());
		assertTheServerStillAnswers(uri);
	}

	@Test
	void aDocumentOverTheSizeLimitIsNotParsedAndTheOthersAreServed() throws Exception {
		String uri = initializedWithClimate(new LspLimits(LspLimits.DEFAULTS.maxMessageBytes(), 64, 50_000));
		String huge = CLIMATE.repeat(200);

		String large = client.open("large.cabin", huge);

		JsonArray diagnostics = client.diagnostics(large);
		assertEquals(1, diagnostics.size(), diagnostics.toString());
		JsonObject tooLarge = diagnostics.get(0).getAsJsonObject();
		assertEquals(position(0, 0), tooLarge.getAsJsonObject("range").getAsJsonObject("start").toString());
		String message = tooLarge.get("message").getAsString();
		assertTrue(message.contains(huge.length() + " characters") && message.contains("50000")
				&& message.contains("--max-document-chars"), message);
		assertTheServerStillAnswers(uri);
		JsonObject onLarge = client.reply(client.request(HOVER, at(large, position(3, 3))));
		assertTrue(onLarge.get("result").isJsonNull(), onLarge.toString());

		client.notify("textDocument/didChange", "{\"textDocument\":{\"uri\":" + quote(large) + ",\"version\":2},"
				+ "\"contentChanges\":[{\"text\":" + quote(CLIMATE.replace("agent Climate", "agent Large")) + "}]}");
		assertEquals(0, client.diagnostics(large).size(), "small again, it is checked");
		assertTheServerStillAnswers(large);
	}

	@Test
	void aClosedDocumentIsForgotten() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);

		client.notify("textDocument/didClose", "{\"textDocument\":" + document(uri) + "}");

		JsonObject hover = client.reply(client.request(HOVER, at(uri, speedPosition())));
		assertTrue(hover.get("result").isJsonNull(), hover.toString());
		String other = client.open("other.cabin", CLIMATE);
		assertEquals(0, client.diagnostics(other).size());
		assertTheServerStillAnswers(other);
	}

	/* On a plain class path (cabin lsp) Xtext's log4j prints every failed request with its stack trace. */
	@Test
	void xtextsOwnFailuresAreLoggedInOneLine() throws Exception {
		String uri = initializedWithClimate(LspLimits.DEFAULTS);
		PrintStream standardError = System.err;
		ByteArrayOutputStream logged = new ByteArrayOutputStream();
		System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
		try {
			assertClean(client.reply(client.request("textDocument/rename", at(uri, position(0, 0), "\"newName\":\"t\""))));
		} finally {
			System.setErr(standardError);
		}

		String text = logged.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("Refactoring cannot be performed"), text);
		assertFalse(text.contains("\tat ") || text.contains("Caused by"), text);
	}
}
