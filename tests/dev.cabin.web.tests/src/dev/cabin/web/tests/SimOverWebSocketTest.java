package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.cabin.testing.Repository;
import dev.cabin.web.WebServer;

/**
 * {@code /sim}: simulator sessions as a browser's Simulator panel holds them, over the examples folder: load an
 * agent, send events in the {@code cabin chat --script} JSON, read replies, the trace and the car.
 */
class SimOverWebSocketTest {

	private static final String SUNROOF = "Vehicle.Cabin.Sunroof.Switch";
	private static final String COMFORT = "cabin-comfort/cabin-comfort.cabin";
	private static final String GAZE_AT_THE_SUNROOF = "{\"type\":\"gaze\",\"zone\":\"Cabin.Sunroof\",\"dwellMs\":1000}";
	private static final String OPEN_THAT = "{\"type\":\"voice\",\"text\":\"open that\"}";
	private static final String LET_THE_ROOF_MOVE = "{\"type\":\"wait\",\"ms\":2000}";

	private static WebServer server;
	private static WebClient client;

	@BeforeAll
	static void startTheServer() throws Exception {
		server = TestServers.start(Repository.file("examples"));
		client = new WebClient(server);
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.close();
	}

	private static WebClient.Socket simulator() throws Exception {
		return client.connect("/sim", "Authorization", "Bearer " + client.token, "Origin", client.origin);
	}

	private static JsonObject ask(WebClient.Socket socket, String message) throws Exception {
		socket.send(message);
		return JsonParser.parseString(socket.next()).getAsJsonObject();
	}

	private static JsonObject load(WebClient.Socket socket, String path) throws Exception {
		return ask(socket, "{\"type\":\"load\",\"path\":\"" + path + "\"}");
	}

	private static String type(JsonObject message) {
		return message.get("type").getAsString();
	}

	@Test
	void gazeAtTheSunroofAndOpenThatOpensIt() throws Exception {
		WebClient.Socket socket = simulator();
		JsonObject loaded = load(socket, COMFORT);
		assertEquals("loaded", type(loaded), loaded.toString());
		assertEquals("CabinComfort", loaded.getAsJsonObject("state").get("agent").getAsString());
		assertFalse(loaded.getAsJsonObject("state").getAsJsonObject("vehicle").has(SUNROOF), loaded.toString());

		assertEquals("turn", type(ask(socket, GAZE_AT_THE_SUNROOF)));
		JsonObject turn = ask(socket, OPEN_THAT);
		JsonObject moved = ask(socket, LET_THE_ROOF_MOVE);

		assertEquals("turn", type(turn), turn.toString());
		assertFalse(turn.getAsJsonArray("replies").isEmpty(), turn.toString());
		assertTrue(turn.getAsJsonArray("flows").toString().contains("OpenRoof"), turn.toString());
		assertTrue(turn.getAsJsonArray("toolCalls").toString().contains("sunroof.open"), turn.toString());
		JsonObject trace = turn.getAsJsonObject("trace");
		assertTrue(trace.toString().contains("fused"), "the trace tells the gaze and the voice were fused: " + trace);
		JsonObject vehicle = moved.getAsJsonObject("state").getAsJsonObject("vehicle");
		assertTrue(vehicle.has(SUNROOF) && vehicle.get(SUNROOF).toString().contains("OPEN"),
				"the roof is set to the tool's value: " + moved);
		socket.close();
	}

	@Test
	void aMalformedEventIsAnsweredWithWhatIsWrongAndTheSessionGoesOn() throws Exception {
		WebClient.Socket socket = simulator();
		JsonObject before = ask(socket, OPEN_THAT);
		assertEquals("error", type(before));
		assertTrue(before.get("message").getAsString().contains("load"), before.toString());
		load(socket, COMFORT);

		JsonObject noZone = ask(socket, "{\"type\":\"gaze\",\"dwellMs\":800}");
		JsonObject unknown = ask(socket, "{\"type\":\"smell\"}");
		JsonObject notJson = ask(socket, "{\"type\":\"voice\",");
		JsonObject noPath = ask(socket, "{\"type\":\"load\"}");
		JsonObject unquoted = ask(socket, "{type:\"load\",path:\"" + COMFORT + "\"}");

		assertEquals("error", type(noZone));
		assertTrue(noZone.get("message").getAsString().contains("zone"), noZone.toString());
		assertTrue(unknown.get("message").getAsString().contains("unknown event type \"smell\""), unknown.toString());
		assertTrue(notJson.get("message").getAsString().startsWith("invalid JSON"), notJson.toString());
		assertTrue(noPath.get("message").getAsString().contains("\"path\""), noPath.toString());
		assertTrue(unquoted.get("message").getAsString().startsWith("invalid JSON"), unquoted.toString());
		for (JsonObject error : List.of(noZone, unknown, notJson, noPath, unquoted)) {
			assertFalse(error.toString().contains("Exception"), "no stack trace: " + error);
		}
		assertEquals("turn", type(ask(socket, OPEN_THAT)));
		socket.close();
	}

	@Test
	void aPathOutsideTheWorkspaceOrNotAnAgentIsRefused() throws Exception {
		WebClient.Socket socket = simulator();
		for (String path : List.of("../pom.xml", "/etc/passwd", "cabin-comfort/../../README.md",
				"cabin-comfort/cabin.yaml", "no-such.cabin")) {
			JsonObject refused = load(socket, path);
			assertEquals("error", type(refused), path + ": " + refused);
		}
		assertTrue(load(socket, "../x.cabin").get("message").getAsString().contains(".."));
		socket.close();
	}

	@Test
	void aMessageOverTheLimitClosesTheSessionAsTooBig() throws Exception {
		WebClient.Socket socket = simulator();

		socket.send("{\"type\":\"voice\",\"text\":\"" + "a".repeat(70 * 1024) + "\"}");

		assertEquals(1009, socket.closeStatus());
	}

	@Test
	void theThirtyThirdSessionAtOnceIsToldToTryAgainLater() throws Exception {
		List<WebClient.Socket> open = new ArrayList<>();
		try {
			for (int i = 0; i < 32; i++) {
				open.add(simulator());
			}
			WebClient.Socket oneTooMany = simulator();
			assertEquals(1013, oneTooMany.closeStatus());
		} finally {
			open.forEach(WebClient.Socket::close);
		}
	}

	@Test
	void withoutTheTokenOrFromAnotherSiteTheHandshakeIsRefused() {
		WebClient.Refused noToken = assertThrows(WebClient.Refused.class,
				() -> client.connect("/sim", "Origin", client.origin));
		WebClient.Refused foreign = assertThrows(WebClient.Refused.class, () -> client.connect("/sim",
				"Authorization", "Bearer " + client.token, "Origin", "http://evil.example"));

		assertEquals(401, noToken.status);
		assertEquals(403, foreign.status);
	}

	/*
	 * The figures (loading, then turns per second once every session has loaded) are printed for the README, not
	 * asserted: the machine's load decides them.
	 */
	@Test
	void twentySessionsAtOnceEachHoldTheirConversationWithoutAnError() throws Exception {
		int sessions = 20;
		int rounds = 3;
		long start = System.nanoTime();
		AtomicLong loaded = new AtomicLong();
		CyclicBarrier allLoaded = new CyclicBarrier(sessions, () -> loaded.set(System.nanoTime()));
		ExecutorService browsers = Executors.newFixedThreadPool(sessions);
		try {
			List<Future<List<JsonObject>>> conversations = new ArrayList<>();
			for (int i = 0; i < sessions; i++) {
				conversations.add(browsers.submit(() -> {
					WebClient.Socket socket = simulator();
					List<JsonObject> answers = new ArrayList<>(List.of(load(socket, COMFORT)));
					allLoaded.await(WebClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
					for (int round = 0; round < rounds; round++) {
						for (String event : List.of(GAZE_AT_THE_SUNROOF, OPEN_THAT, LET_THE_ROOF_MOVE)) {
							answers.add(ask(socket, event));
						}
					}
					socket.close();
					return answers;
				}));
			}
			int turns = 0;
			for (Future<List<JsonObject>> conversation : conversations) {
				for (JsonObject answer : conversation.get()) {
					assertFalse(type(answer).equals("error"), answer.toString());
					turns += type(answer).equals("turn") ? 1 : 0;
				}
			}
			long end = System.nanoTime();
			assertEquals(sessions * rounds * 3, turns);
			System.out.printf("figure: %d simulator sessions loaded %s in %.1f s; then %d turns in %.1f s: %.0f turns/s,"
					+ " 0 errors%n", sessions, COMFORT, (loaded.get() - start) / 1e9, turns, (end - loaded.get()) / 1e9,
					turns / ((end - loaded.get()) / 1e9));
		} finally {
			browsers.shutdownNow();
		}
	}
}
