package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What the complete Simulator panel asks of {@code /sim}, on a copy of cabin-comfort: the controls it draws
 * (the signals the agent reads, what its triggers watch, its locales), events of every modality, the steps of
 * a turn for the diagram, and a conversation saved as a test that {@code cabin test} runs and the panel
 * replays.
 */
class SimPanelTest {

	private static final String COMFORT = "cabin-comfort/cabin-comfort.cabin";

	@TempDir
	static Path workspace;
	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		server = TestServers.start(ExampleWorkspace.of(workspace, "cabin-comfort"));
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	private static WebClient.Socket loaded() throws Exception {
		WebClient.Socket socket = client.connectAsPage("/sim");
		JsonObject loaded = ask(socket, "{\"type\":\"load\",\"path\":\"" + COMFORT + "\"}");
		assertEquals("loaded", loaded.get("type").getAsString(), loaded.toString());
		return socket;
	}

	private static JsonObject ask(WebClient.Socket socket, String message) throws Exception {
		socket.send(message);
		return JsonParser.parseString(socket.next()).getAsJsonObject();
	}

	private static JsonObject turn(WebClient.Socket socket, String event) throws Exception {
		JsonObject turn = ask(socket, event);
		assertEquals("turn", turn.get("type").getAsString(), event + " -> " + turn);
		return turn;
	}

	private static List<String> texts(JsonArray array) {
		return array.asList().stream().map(JsonElement::getAsString).toList();
	}

	@Test
	void loadingTellsWhatThePanelOffers() throws Exception {
		WebClient.Socket socket = client.connectAsPage("/sim");
		JsonObject loaded = ask(socket, "{\"type\":\"load\",\"path\":\"" + COMFORT + "\"}");
		socket.close();

		assertEquals(List.of("en-US", "zh-CN"), texts(loaded.getAsJsonArray("locales")));
		JsonObject watched = loaded.getAsJsonObject("watched");
		assertEquals(List.of("Cabin.Sunroof"), texts(watched.getAsJsonArray("zones")));
		assertTrue(texts(watched.getAsJsonArray("gestures")).containsAll(List.of("SwipeBackward", "SwipeForward")),
				watched.toString());
		assertEquals(List.of("Drowsy"), texts(watched.getAsJsonArray("postures")));
		assertEquals(List.of("comfort.welcome"), texts(watched.getAsJsonArray("touches")));
		JsonObject speed = loaded.getAsJsonArray("signals").asList().stream().map(JsonElement::getAsJsonObject)
				.filter(signal -> signal.get("path").getAsString().equals("Vehicle.Speed")).findFirst()
				.orElseThrow(() -> new AssertionError("Vehicle.Speed is read: " + loaded.get("signals")));
		assertEquals("km/h", speed.get("unit").getAsString(), speed.toString());
		assertTrue(loaded.get("tests").getAsInt() > 0, loaded.toString());
	}

	@Test
	void theCabinMapHasEveryZoneOnThePlanAndTheOneTheAgentWatches() throws Exception {
		var response = client.get("/api/sim/cabin-plan");
		List<JsonObject> zones = JsonParser.parseString(response.body()).getAsJsonArray().asList().stream()
				.map(JsonElement::getAsJsonObject).toList();

		assertEquals(200, response.statusCode());
		assertEquals(17, zones.size(), response.body());
		for (JsonObject zone : zones) {
			int x = zone.get("x").getAsInt();
			int y = zone.get("y").getAsInt();
			assertTrue(x >= 0 && y >= 0 && x + zone.get("width").getAsInt() <= 200
					&& y + zone.get("height").getAsInt() <= 400, "on the 200 x 400 plan: " + zone);
		}
		assertTrue(zones.stream().anyMatch(zone -> zone.get("name").getAsString().equals("Cabin.Sunroof")
				&& zone.get("label").getAsString().equals("Sunroof")), response.body());
		assertEquals(404, client.get("/api/sim/nothing").statusCode());
	}

	@Test
	void eventsOfEveryModalityAreAnsweredAndTheTurnNamesTheStepsItRan() throws Exception {
		WebClient.Socket socket = loaded();
		turn(socket, "{\"type\":\"gaze\",\"zone\":\"Cabin.Sunroof\",\"dwellMs\":1000}");
		JsonObject openThat = turn(socket, "{\"type\":\"voice\",\"text\":\"open that\",\"locale\":\"en-US\"}");
		JsonObject wake = turn(socket, "{\"type\":\"wake\"}");
		JsonObject pushToTalk = turn(socket, "{\"type\":\"ptt\"}");
		JsonObject swipe = turn(socket, "{\"type\":\"gesture\",\"gesture\":\"SwipeBackward\"}");
		JsonObject drowsy = turn(socket, "{\"type\":\"posture\",\"state\":\"Drowsy\"}");
		JsonObject parked = turn(socket, "{\"type\":\"signal\",\"path\":\"Vehicle.Speed\",\"value\":0}");
		JsonObject touch = turn(socket, "{\"type\":\"touch\",\"control\":\"comfort.welcome\"}");
		JsonObject later = turn(socket, "{\"type\":\"wait\",\"ms\":3000}");
		JsonObject chinese = turn(socket, "{\"type\":\"voice\",\"text\":\"打开天窗\",\"locale\":\"zh-CN\"}");
		socket.close();

		JsonArray steps = openThat.getAsJsonArray("stepPaths");
		assertFalse(steps.isEmpty(), openThat.toString());
		JsonObject first = steps.get(0).getAsJsonObject();
		assertEquals("CabinComfort", first.get("agent").getAsString());
		assertEquals("OpenRoof", first.get("flow").getAsString());
		assertTrue(first.get("step").getAsString().matches("\\d+(\\.\\w+\\.\\d+)*"), first.toString());
		assertTrue(openThat.getAsJsonArray("toolCalls").toString().contains("sunroof.open"), openThat.toString());
		assertTrue(swipe.getAsJsonArray("toolCalls").toString().contains("sunroof.close"), swipe.toString());
		assertTrue(drowsy.getAsJsonArray("flows").toString().contains("Fatigue"), drowsy.toString());
		assertEquals("Drowsy", drowsy.getAsJsonObject("state").get("driver").getAsString());
		assertEquals(0, parked.getAsJsonObject("state").getAsJsonObject("vehicle").get("Vehicle.Speed").getAsInt());
		assertTrue(touch.getAsJsonArray("flows").toString().contains("Welcome"), touch.toString());
		assertEquals("zh-CN", chinese.getAsJsonArray("replies").get(0).getAsJsonObject().get("locale").getAsString(),
				chinese.toString());
		for (JsonObject answered : List.of(wake, pushToTalk, later)) {
			assertTrue(answered.has("trace") && answered.has("stepPaths"), answered.toString());
		}
	}

	@Test
	void aConversationSavedAsATestReplaysAndPassesAndABrokenOneSaysItsFirstDifference() throws Exception {
		WebClient.Socket socket = loaded();
		JsonObject nothingYet = ask(socket, "{\"type\":\"save-test\",\"name\":\"too early\"}");
		turn(socket, "{\"type\":\"gaze\",\"zone\":\"Cabin.Sunroof\",\"dwellMs\":1000}");
		turn(socket, "{\"type\":\"voice\",\"text\":\"open that\"}");
		JsonObject unnamed = ask(socket, "{\"type\":\"save-test\",\"name\":\"  \"}");
		JsonObject saved = ask(socket, "{\"type\":\"save-test\",\"name\":\"roof by gaze, saved\"}");

		assertTrue(nothingYet.get("message").getAsString().contains("no turn"), nothingYet.toString());
		assertTrue(unnamed.get("message").getAsString().contains("\"name\""), unnamed.toString());
		assertEquals("saved", saved.get("type").getAsString(), saved.toString());
		Path file = workspace.resolve(COMFORT);
		List<String> lines = Files.readAllLines(file);
		int line = saved.get("line").getAsInt();
		assertEquals("\ttest \"roof by gaze, saved\" {", lines.get(line - 1), String.join("\n", lines));
		assertTrue(lines.subList(line, line + 8).containsAll(List.of("\t\tgaze Cabin.Sunroof for 1000 ms",
				"\t\tuser \"open that\"", "\t\texpect call sunroof.open")), String.join("\n", lines));

		JsonObject replayed = ask(socket, "{\"type\":\"replay-tests\"}");
		JsonObject ours = result(replayed, "roof by gaze, saved");
		assertTrue(ours.get("passed").getAsBoolean(), ours.toString());
		JsonObject falseAccepts = result(replayed, "acts on under 1% of unrelated requests");
		assertTrue(falseAccepts.get("passed").getAsBoolean(),
				"measured on the held-back background, as cabin test does: " + falseAccepts);
		assertEquals(line, ours.get("line").getAsInt());

		Files.writeString(file, Files.readString(file).replaceFirst("(test \"roof by gaze, saved\" \\{[^}]*?)"
				+ "expect call sunroof.open", "$1expect call sunroof.close"));
		JsonObject broken = result(ask(socket, "{\"type\":\"replay-tests\"}"), "roof by gaze, saved");
		socket.close();

		assertFalse(broken.get("passed").getAsBoolean(), broken.toString());
		String difference = broken.getAsJsonArray("failures").get(0).getAsString();
		assertTrue(difference.startsWith(COMFORT + ":"), difference);
		assertTrue(difference.contains("sunroof.close"), difference);
	}

	@Test
	void aLabTestAskedForWhileAReplayMeasuresFalseAcceptsIsRefusedSayingWhy() throws Exception {
		// sources no other test compiled (a comment changes the compile's key): their false accepts are measured
		String copy = "cabin-comfort/measured-anew.cabin";
		Files.writeString(workspace.resolve(copy), Files.readString(workspace.resolve(COMFORT)) + "// measured anew\n");
		WebClient.Socket socket = client.connectAsPage("/sim");
		ask(socket, "{\"type\":\"load\",\"path\":\"" + copy + "\"}");
		socket.send("{\"type\":\"replay-tests\"}");
		HttpResponse<String> refused = null;
		// until the replay answers: a lab test that starts first runs, and the replay measures after it
		while (refused == null && socket.messages.isEmpty()) {
			HttpResponse<String> lab = client.send(client.authorized("/api/lab/run?agent=" + copy
					+ "&background=true").timeout(WebClient.LONG_WORK).POST(HttpRequest.BodyPublishers.noBody()));
			refused = lab.statusCode() == 409 ? lab : null;
		}
		JsonObject replayed = JsonParser.parseString(socket.next()).getAsJsonObject();
		socket.close();

		assertNotNull(refused, "a lab test ran while the replay measured false accepts, each on every core");
		assertTrue(refused.body().contains("false accepts are being measured"), refused.body());
		assertTrue(result(replayed, "acts on under 1% of unrelated requests").get("passed").getAsBoolean(),
				replayed.toString());
	}

	private static JsonObject result(JsonObject tests, String name) {
		assertEquals("tests", tests.get("type").getAsString(), tests.toString());
		return tests.getAsJsonArray("results").asList().stream().map(JsonElement::getAsJsonObject)
				.filter(result -> result.get("test").getAsString().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no result for " + name + ": " + tests));
	}
}
