package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ChatCommandTest {

	private static final Path CAR_GENIUS = Repository.carGenius();

	@TempDir
	Path dir;

	@Test
	void theExampleConversationIsAnsweredOffline() throws IOException {
		Path script = Repository.file("examples/car-genius/conversation.jsonl");

		CabinCommand chat = CabinCommand.run("chat", CAR_GENIUS.toString(), "--script", script.toString());

		assertEquals(0, chat.exitCode, chat.toString());
		List<JsonNode> replies = jsonLines(chat.out);
		assertEquals(4, replies.size(), chat.out);
		assertReply(replies.get(0), "say", "TirePressure",
				"All four tires are between 230 and 240 kPa, inside the recommended range.");
		assertReply(replies.get(1), "say", "OilChange",
				"Your next oil change is due in 3,200 kilometres, or in about two months.");
		assertReply(replies.get(2), "say", "JumpStart", "先用红线连接两车正极，再用黑线连接救援车负极和本车车身金属，然后先启动救援车。");
		assertEquals("zh-CN", replies.get(2).get("locale").asText());
		assertEquals("fallback", replies.get(3).get("type").asText());
		assertTrue(replies.get(3).get("intent").isNull());
	}

	@Test
	void aBadScriptLineIsReportedWithItsLineNumberAndTheRestStillRuns() throws IOException {
		Path script = dir.resolve("s.jsonl");
		Files.writeString(script, "{\"type\":\"voice\",\"text\":\"are my tires ok\"}\n{oops\n{\"type\":\"wink\"}\n"
				+ "{\"type\":\"voice\",\"text\":\"my battery is dead\"}\n");

		CabinCommand chat = CabinCommand.run("chat", CAR_GENIUS.toString(), "--script", script.toString());

		assertEquals(1, chat.exitCode, chat.toString());
		assertTrue(chat.err.contains(script + ":2: error: invalid JSON"), chat.err);
		assertTrue(chat.err.contains(script + ":3: error: unknown event type \"wink\""), chat.err);
		assertEquals(2, jsonLines(chat.out).size(), chat.out);
		assertFalse(chat.printedAStackTrace(), chat.toString());
	}

	@Test
	void theInteractiveChatAnswersTypedLines() {
		CabinCommand chat = CabinCommand.runWithInput("are my tires ok\n/quit\n", "chat", CAR_GENIUS.toString());

		assertEquals(0, chat.exitCode, chat.toString());
		assertTrue(chat.out.contains("CarGenius> All four tires are between 230 and 240 kPa"), chat.out);
	}

	@Test
	void whatTheUserTypedReachesTheTerminalWithoutControlCharacters() {
		CabinCommand chat = CabinCommand.runWithInput("/\u001b[2J\u001b]0;pwned\u0007wipe\n/quit\n", "chat",
				CAR_GENIUS.toString());

		assertEquals(0, chat.exitCode, chat.toString());
		assertTrue(chat.out.contains("(unknown command /[2J]0;pwnedwipe; /help lists them)"), chat.out);
		assertFalse(chat.out.chars().anyMatch(c -> c == 0x1b || c == 0x07), chat.out);
	}

	@Test
	void anAgentWithErrorsIsNotStarted() throws IOException {
		Path broken = dir.resolve("broken.cabin");
		Files.writeString(broken, "agent Broken {\n\ton voice Missing -> flow Nowhere\n}\n");

		CabinCommand chat = CabinCommand.runWithInput("hello\n", "chat", broken.toString());

		assertEquals(1, chat.exitCode, chat.toString());
		assertTrue(chat.err.contains(broken + ":2:11: error: "), chat.err);
		assertFalse(chat.printedAStackTrace(), chat.toString());
	}

	private static void assertReply(JsonNode reply, String type, String intent, String text) {
		assertEquals(type, reply.get("type").asText(), reply.toString());
		assertEquals(intent, reply.get("intent").asText(), reply.toString());
		assertEquals(text, reply.get("text").asText(), reply.toString());
	}

	private static List<JsonNode> jsonLines(String out) throws IOException {
		ObjectMapper mapper = new ObjectMapper();
		List<JsonNode> lines = new ArrayList<>();
		for (String line : out.split("\n")) {
			if (!line.isBlank()) {
				lines.add(mapper.readTree(line));
			}
		}
		return lines;
	}
}
