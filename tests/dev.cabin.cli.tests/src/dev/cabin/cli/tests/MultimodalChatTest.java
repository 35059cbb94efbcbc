package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.testing.Repository;

/** The chat with the other modalities: slash commands in the terminal, events of any type in scripts. */
class MultimodalChatTest {

	private static final Path COMFORT = Repository.file("tests/dev.cabin.compiler.tests/agents/comfort.cabin");

	@TempDir
	Path dir;

	@Test
	void slashCommandsLookSignalAndTouch() {
		CabinCommand chat = CabinCommand.runWithInput("""
				/gaze Cabin.Sunroof 1s
				open that
				/wait 1s
				/state
				/signal Vehicle.Speed=80
				/touch welcome
				/locale zh-CN
				/posture Drowsy
				/gaze
				/quit
				""", "chat", COMFORT.toString());

		assertEquals(0, chat.exitCode, chat.toString());
		assertTrue(chat.out.contains("(sunroof.open {position=100.0}: done)"), chat.out);
		assertTrue(chat.out.contains("Vehicle.Cabin.Sunroof.Position=100.0"), "the actuator reached its target: " + chat.out);
		assertTrue(chat.out.contains("Comfort> Welcome aboard!\n"), "short while driving, no screen text: " + chat.out);
		assertTrue(chat.out.contains("Comfort> 您好像累了。要我找一个服务区吗？"), chat.out);
		assertTrue(chat.out.contains("(/gaze needs ZONE)"), chat.out);
	}

	@Test
	void aScriptOfEveryModalityWithTraces() throws IOException {
		Path script = dir.resolve("drive.jsonl");
		Files.writeString(script, """
				{"type":"gaze","zone":"Cabin.Sunroof","dwellMs":800}
				{"type":"voice","text":"open that"}
				{"type":"signal","path":"Vehicle.Speed","value":130}
				{"type":"wait","ms":3000}
				{"type":"gesture","gesture":"SwipeLeft"}
				{"type":"touch","control":"welcome"}
				{"type":"voice","text":""}
				{"type":"signal","path":"Vehicle.Speed","value":0}
				{"type":"voice","text":"把温度调到 22 degrees"}
				""");

		CabinCommand chat = CabinCommand.run("chat", COMFORT.toString(), "--script", script.toString(), "--trace");

		assertEquals(0, chat.exitCode, chat.toString());
		ObjectMapper json = new ObjectMapper();
		String[] replies = chat.out.strip().split("\n");
		assertEquals("Slowdown", json.readTree(replies[0]).get("flow").asText(), chat.out);
		assertEquals("TellStory", json.readTree(replies[1]).get("intent").asText(), chat.out);
		assertEquals("fallback", json.readTree(replies[replies.length - 2]).get("type").asText(), "the empty utterance");
		JsonNode mixed = json.readTree(replies[replies.length - 1]);
		assertEquals("温度调到22度。", mixed.get("text").asText(), "Chinese and English in one utterance");
		assertEquals("zh-CN", mixed.get("locale").asText());
		// stderr also has the agent's warnings (cabin check's lines); the traces are its JSON lines
		List<String> traces = chat.err.lines().filter(line -> line.startsWith("{")).toList();
		JsonNode firstTrace = json.readTree(traces.get(0));
		assertEquals("Cabin.Sunroof", firstTrace.get("event").get("zone").asText());
		JsonNode fused = json.readTree(traces.get(1));
		assertEquals("OpenThat", fused.get("nlu").get("intent").asText());
		assertEquals("sunroof.open", fused.get("toolCalls").get(0).get("tool").asText());
		assertTrue(fused.get("stagesMicros").has("nlu"), fused.toString());
		assertFalse(chat.printedAStackTrace(), chat.toString());
	}
}
