package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cabin.lab.AgentWriter;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusLine;
import dev.cabin.lab.IntentNames;

/**
 * What {@code cabin import} writes for a corpus. That the result parses and checks clean is tested with the
 * real language, in the command line's tests.
 */
class AgentWriterTest {

	private static final Set<String> KEYWORDS = Set.of("text", "yes", "value");

	@Test
	void intentsKeepTheirNamesExceptKeywordsWhichGetAnUnderscore() {
		String source = write(corpus(line("send a message to mom", "text"), line("yes please", "yes"),
				line("what's my tire pressure", "tire_pressure")), null).source();

		assertTrue(source.contains("intent text_ {"), source);
		assertTrue(source.contains("intent yes_ {"), source);
		assertTrue(source.contains("intent tire_pressure {"), source);
		assertTrue(source.contains("on voice text_ -> flow text_reply"), source);
	}

	@Test
	void labelsThatAreNotNamesGetUnderscoresAndTheLabTestFindsThemBack() {
		assertEquals("change_speed", IntentNames.of("change-speed", KEYWORDS));
		assertEquals("_24h_clock", IntentNames.of("24h clock", KEYWORDS));
		assertEquals("tire_pressure", IntentNames.of("tire_pressure", KEYWORDS));
		assertEquals("text_", IntentNames.of("text", KEYWORDS));

		Set<String> agent = Set.of("change_speed", "text_", "tire_pressure");
		assertEquals("change_speed", IntentNames.find("change-speed", agent));
		assertEquals("text_", IntentNames.find("text", agent));
		assertEquals("tire_pressure", IntentNames.find("tire_pressure", agent));
		assertEquals(null, IntentNames.find("timer", agent));
	}

	@Test
	void outOfScopeUtterancesAreExamplesOfTheAgentNotAnIntent() {
		AgentWriter.Written written = write(corpus(line("open the sunroof", "sunroof"), line("bake a cake", "oos"),
				line("# hashtag trends", "oos"), line("bake a cake!", "oos")), null);

		assertFalse(written.source().contains("intent oos"), written.source());
		assertEquals(AgentWriter.GENERATED + " from test.jsonl: what Car does not handle, one utterance a line.\n"
				+ "bake a cake\nhashtag trends\n", written.outOfScope(), "the same utterance once; no line reads as a comment");
		assertEquals(2, written.outOfScopeExamples());
	}

	@Test
	void anUtteranceUnderTwoIntentsIsKeptOnceWithAWarning() {
		AgentWriter.Written written = write(corpus(line("Cancel that", "cancel"), line("cancel that!", "no"),
				line("cancel that", "cancel")), null);

		assertEquals(1, written.examples());
		assertTrue(written.warnings().get(0).contains("test.jsonl:2: warning: skipped 1 line whose utterance another"
				+ " intent already has"), written.warnings().toString());
		assertTrue(written.warnings().get(1).contains("repeating an utterance of their intent (line 3)"),
				written.warnings().toString());
	}

	@Test
	void maxPerIntentKeepsTheFirstExamples() {
		List<CorpusLine> lines = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			lines.add(line("play song number " + i, "play"));
		}

		String source = write(new Corpus("test.jsonl", lines, List.of()), 2).source();

		assertTrue(source.contains("\"play song number 1\",\n\t\t       \"play song number 2\"\n"), source);
		assertFalse(source.contains("number 3"), source);
	}

	@Test
	void quotesBackslashesAndBracesAreWrittenSoThatTheTextStaysTheSame() {
		String source = write(corpus(line("say \"hi\" to C:\\temp {now}", "say")), null).source();

		assertTrue(source.contains("\"say \\\"hi\\\" to C:\\\\temp (now)\""), source);
	}

	@Test
	void slotValuesBecomeMarkersAndEntitiesOrNumbers() {
		Corpus corpus = corpus(
				new CorpusLine(1, "weather in Paris for 3 days", "GetWeather", null,
						List.of(new CorpusLine.SlotSpan("city", 11, 16), new CorpusLine.SlotSpan("days", 21, 22))),
				new CorpusLine(2, "weather in New York for 2 days", "GetWeather", null,
						List.of(new CorpusLine.SlotSpan("city", 11, 19), new CorpusLine.SlotSpan("days", 24, 25))));

		String source = write(corpus, null).source();

		assertTrue(source.contains("\"weather in {city=Paris} for {days=3} days\""), source);
		assertTrue(source.contains("entity City {\n\t\tvalue paris en-US: \"Paris\"\n\t\tvalue new_york en-US: \"New York\"\n"),
				source);
		assertTrue(source.contains("slot city: City\n"), source);
		assertTrue(source.contains("slot days: number\n"), source);
		assertFalse(source.contains("entity Days"), source);
	}

	@Test
	void chineseUtterancesAreZhCnAndEveryLocaleGetsAFallback() {
		String source = write(corpus(line("what's my tire pressure", "tire_pressure"), line("胎压正常吗", "tire_pressure")),
				null).source();

		assertTrue(source.contains("locales en-US, zh-CN"), source);
		assertTrue(source.contains("zh-CN: \"胎压正常吗\""), source);
		assertTrue(source.contains("fallback en-US \"You asked about tire pressure. I have no answer for that yet.\""
				+ " zh-CN \"你问的是tire pressure。这个助手还没有这方面的回答。\""), source);
	}

	@Test
	void theHeaderSaysHowToRegenerateTheFile() {
		AgentWriter.Written written = write(corpus(line("hello", "greeting")), null);

		assertTrue(written.source().startsWith("// Car: generated by cabin import from test.jsonl (1 intent, 1 example).\n"
				+ "// Regenerate with:\n// ./cabin import jsonl test.jsonl -o car.cabin\n"), written.source());
		assertNull(written.outOfScope());
	}

	private static AgentWriter.Written write(Corpus corpus, Integer max) {
		return AgentWriter.write(List.of(corpus), "Car", max, KEYWORDS, "./cabin import jsonl test.jsonl -o car.cabin",
				"car.out-of-scope.txt");
	}

	/** The lines numbered as they are given. */
	private static Corpus corpus(CorpusLine... lines) {
		List<CorpusLine> numbered = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			numbered.add(new CorpusLine(i + 1, lines[i].text(), lines[i].intent(), lines[i].locale(), lines[i].slots()));
		}
		return new Corpus("test.jsonl", numbered, List.of());
	}

	private static CorpusLine line(String text, String intent) {
		return new CorpusLine(0, text, intent, null, List.of());
	}
}
