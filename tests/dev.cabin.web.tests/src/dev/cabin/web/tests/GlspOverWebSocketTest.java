package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.cabin.web.WebServer;

/**
 * {@code /glsp}: Eclipse GLSP's protocol as the browser's diagram speaks it (JSON-RPC, one message per frame):
 * the model of a document with a node per step, laid out; graphical edits answered with text edits of the
 * document; the diagram following the editor's new text; the same token and Origin checks as the other sockets.
 */
class GlspOverWebSocketTest {

	private static final String FLOW = "Roof.flow.Opening";
	private static final String STEP = FLOW + ".step.";

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebClient client;
	private int requests;

	@BeforeAll
	static void startTheServer() throws Exception {
		Files.writeString(workspace.resolve("roof.cabin"), LspOverWebSocketTest.AGENT);
		server = TestServers.start(workspace);
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	@Test
	void theModelOfADocumentHasANodePerStepLaidOut() throws Exception {
		WebClient.Socket socket = session("model");

		JsonObject root = requestModel(socket, "model", "roof.cabin");

		assertEquals(Set.of(STEP + "0", STEP + "0.case0.0", STEP + "0.otherwise.0", STEP + "1"), stepIds(root));
		JsonObject branch = find(root, STEP + "0");
		assertTrue(branch.getAsJsonObject("size").get("width").getAsDouble() > 0, branch.toString());
		assertTrue(find(root, FLOW).getAsJsonObject("size").get("height").getAsDouble() > branch
				.getAsJsonObject("size").get("height").getAsDouble(), "the flow holds its steps");
		socket.close();
	}

	@Test
	void aStepAddedInTheDiagramIsATextEditAndTheDiagramFollowsTheNewText() throws Exception {
		WebClient.Socket socket = session("add");
		requestModel(socket, "add", "roof.cabin");

		process(socket, "add", "{\"kind\":\"createNode\",\"elementTypeId\":\"step:say\",\"containerId\":\"" + STEP
				+ "0.otherwise.0\",\"args\":{}}");
		String text = applyEdits(LspOverWebSocketTest.AGENT, until(socket, kind("cabinApplyTextEdits")));

		assertTrue(text.contains("say \"Opening.\"\n\t\t\t\tsay \"What should the agent say?\""), text);
		JsonObject update = new JsonObject();
		update.addProperty("kind", "cabinUpdateDocument");
		update.addProperty("text", text);
		process(socket, "add", update.toString());
		JsonObject updated = until(socket, kind("updateModel")).getAsJsonObject("newRoot");
		assertTrue(stepIds(updated).contains(STEP + "0.otherwise.1"), stepIds(updated).toString());
		socket.close();
	}

	@Test
	void renamingAFlowTitleRenamesItAndItsUses() throws Exception {
		WebClient.Socket socket = session("rename");
		requestModel(socket, "rename", "roof.cabin");

		process(socket, "rename", "{\"kind\":\"applyLabelEdit\",\"labelId\":\"" + FLOW + "_title\",\"text\":\"Opens\"}");
		String text = applyEdits(LspOverWebSocketTest.AGENT, until(socket, kind("cabinApplyTextEdits")));

		assertTrue(text.contains("-> flow Opens") && text.contains("flow Opens {") && !text.contains("Opening {"), text);
		socket.close();
	}

	@Test
	void aStepDraggedBeforeAnotherOfItsFlowMovesItsSourceThereInOneEdit() throws Exception {
		WebClient.Socket socket = session("move");
		JsonObject root = requestModel(socket, "move", "roof.cabin");
		JsonObject branch = find(root, STEP + "0").getAsJsonObject("position");
		JsonObject end = find(root, STEP + "1");
		double width = end.getAsJsonObject("size").get("width").getAsDouble();

		process(socket, "move", "{\"kind\":\"changeBounds\",\"newBounds\":[{\"elementId\":\"" + STEP + "1\",\"newSize\":"
				+ end.getAsJsonObject("size") + ",\"newPosition\":{\"x\":" + (branch.get("x").getAsDouble() - width)
				+ ",\"y\":" + branch.get("y").getAsDouble() + "}}]}");
		String text = applyEdits(LspOverWebSocketTest.AGENT, until(socket, kind("cabinApplyTextEdits")));

		assertEquals(LspOverWebSocketTest.AGENT.replace("\t\tend\n", "").replace("\t\tbranch {", "\t\tend\n\t\tbranch {"),
				text);
		socket.close();
	}

	@Test
	void aStepDroppedNearerItsOwnPlaceThanAnyOtherStepStaysWhereItIs() throws Exception {
		WebClient.Socket socket = session("slip");
		JsonObject root = requestModel(socket, "slip", "roof.cabin");
		JsonObject opening = find(root, STEP + "0.otherwise.0");
		JsonObject position = opening.getAsJsonObject("position");

		// a click whose pointer slipped two pixels: the only step of its branch must not jump to another branch
		process(socket, "slip", "{\"kind\":\"changeBounds\",\"newBounds\":[{\"elementId\":\"" + STEP
				+ "0.otherwise.0\",\"newSize\":" + opening.getAsJsonObject("size") + ",\"newPosition\":{\"x\":"
				+ (position.get("x").getAsDouble() + 2) + ",\"y\":" + position.get("y").getAsDouble() + "}}]}");
		JsonObject answer = until(socket, kind("updateModel").or(kind("cabinApplyTextEdits")));

		assertEquals("updateModel", text(answer, "kind"), "the step is put back, the text left alone: " + answer);
		socket.close();
	}

	@Test
	void deletingSeveralSelectedNodesIsOneEdit() throws Exception {
		WebClient.Socket socket = session("delete");
		requestModel(socket, "delete", "roof.cabin");

		process(socket, "delete", "{\"kind\":\"deleteElement\",\"elementIds\":[\"" + STEP + "0.case0.0\",\"" + STEP
				+ "0.otherwise.0\"]}");
		String text = applyEdits(LspOverWebSocketTest.AGENT, until(socket, kind("cabinApplyTextEdits")));

		assertEquals(LspOverWebSocketTest.AGENT.replace("\t\t\t\tsay \"Not at this speed.\"\n", "")
				.replace("\t\t\t\tsay \"Opening.\"\n", ""), text);
		socket.close();
	}

	@Test
	void anEditTheTextCannotTakeIsRefusedWithAReason() throws Exception {
		WebClient.Socket socket = session("refused");
		requestModel(socket, "refused", "roof.cabin");

		process(socket, "refused", "{\"kind\":\"deleteElement\",\"elementIds\":[\"Roof.intent.Open\"]}");
		JsonObject message = until(socket, kind("message"));

		assertTrue(message.get("message").getAsString().contains("still used on line"), message.toString());
		socket.close();
	}

	@Test
	void aDocumentOutsideTheWorkspaceIsRefusedInASentence() throws Exception {
		WebClient.Socket socket = session("outside");
		process(socket, "outside", "{\"kind\":\"requestModel\",\"options\":{\"path\":\"../x.cabin\"},"
				+ "\"requestId\":\"r\"}");

		JsonObject root = until(socket, kind("setModel")).getAsJsonObject("newRoot");

		String said = root.getAsJsonArray("children").get(0).getAsJsonObject().get("text").getAsString();
		assertEquals("cannot read ../x.cabin: the path has an empty, . or .. segment", said);
		socket.close();
	}

	@Test
	void withoutTheTokenOrFromAnotherSiteTheHandshakeIsRefused() {
		WebClient.Refused noToken = assertThrows(WebClient.Refused.class,
				() -> client.connect("/glsp", "Origin", client.origin));
		assertEquals(401, noToken.status);
		WebClient.Refused foreign = assertThrows(WebClient.Refused.class, () -> client.connect("/glsp",
				"Authorization", "Bearer " + client.token, "Origin", "http://evil.example"));
		assertEquals(403, foreign.status);
	}

	/* ---------------------------------------------------------------- the protocol, as the GLSP client speaks it */

	private WebClient.Socket session(String clientId) throws Exception {
		WebClient.Socket socket = client.connect("/glsp", "Authorization", "Bearer " + client.token, "Origin",
				client.origin);
		request(socket, "initialize", "{\"applicationId\":\"test\",\"protocolVersion\":\"1.0.0\"}");
		request(socket, "initializeClientSession", "{\"clientSessionId\":\"" + clientId
				+ "\",\"diagramType\":\"cabin-flows\",\"clientActionKinds\":[\"setModel\",\"updateModel\","
				+ "\"cabinApplyTextEdits\",\"message\",\"setDirtyState\",\"setMarkers\",\"setTypeHints\"]}");
		return socket;
	}

	private JsonObject request(WebClient.Socket socket, String method, String params) throws Exception {
		int id = ++requests;
		socket.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
		JsonObject answer = untilMessage(socket, message -> message.has("id") && message.get("id").getAsInt() == id);
		assertTrue(!answer.has("error"), answer.toString());
		return answer;
	}

	private static void process(WebClient.Socket socket, String clientId, String action) throws Exception {
		socket.send("{\"jsonrpc\":\"2.0\",\"method\":\"process\",\"params\":{\"clientId\":\"" + clientId
				+ "\",\"action\":" + action + "}}");
	}

	private static JsonObject requestModel(WebClient.Socket socket, String clientId, String path) throws Exception {
		process(socket, clientId, "{\"kind\":\"requestModel\",\"options\":{\"path\":\"" + path + "\"},"
				+ "\"requestId\":\"first\"}");
		return until(socket, kind("setModel")).getAsJsonObject("newRoot");
	}

	private static Predicate<JsonObject> kind(String kind) {
		return action -> kind.equals(action.get("kind").getAsString());
	}

	/** The next action the server sends that is wanted. */
	private static JsonObject until(WebClient.Socket socket, Predicate<JsonObject> wanted) throws InterruptedException {
		JsonObject message = untilMessage(socket, each -> "process".equals(text(each, "method"))
				&& wanted.test(each.getAsJsonObject("params").getAsJsonObject("action")));
		return message.getAsJsonObject("params").getAsJsonObject("action");
	}

	private static JsonObject untilMessage(WebClient.Socket socket, Predicate<JsonObject> wanted)
			throws InterruptedException {
		List<String> seen = new ArrayList<>();
		while (true) {
			String next = socket.next();
			seen.add(next);
			JsonObject message = JsonParser.parseString(next).getAsJsonObject();
			if (wanted.test(message)) {
				return message;
			}
			if (seen.size() > 200) {
				throw new AssertionError("not among the server's messages: " + seen);
			}
		}
	}

	private static String text(JsonObject object, String member) {
		JsonElement element = object.get(member);
		return element == null || element.isJsonNull() ? null : element.getAsString();
	}

	private static String applyEdits(String document, JsonObject action) {
		List<JsonObject> edits = new ArrayList<>();
		action.getAsJsonArray("edits").forEach(edit -> edits.add(edit.getAsJsonObject()));
		edits.sort(Comparator.comparingInt((JsonObject edit) -> edit.get("offset").getAsInt()).reversed());
		StringBuilder text = new StringBuilder(document);
		for (JsonObject edit : edits) {
			int offset = edit.get("offset").getAsInt();
			text.replace(offset, offset + edit.get("length").getAsInt(), edit.get("text").getAsString());
		}
		return text.toString();
	}

	private static Set<String> stepIds(JsonObject root) {
		Set<String> ids = new TreeSet<>();
		collect(root, element -> "node:step".equals(text(element, "type")), ids);
		return ids;
	}

	private static JsonObject find(JsonObject root, String id) {
		Set<String> unused = new TreeSet<>();
		JsonObject[] found = new JsonObject[1];
		collect(root, element -> {
			if (id.equals(text(element, "id"))) {
				found[0] = element;
			}
			return false;
		}, unused);
		assertTrue(found[0] != null, "no element " + id);
		return found[0];
	}

	private static void collect(JsonObject element, Predicate<JsonObject> wanted, Set<String> ids) {
		if (wanted.test(element)) {
			ids.add(text(element, "id"));
		}
		JsonArray children = element.getAsJsonArray("children");
		if (children != null) {
			children.forEach(child -> collect(child.getAsJsonObject(), wanted, ids));
		}
	}
}
