package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusException;
import dev.cabin.lab.CorpusLine;
import dev.cabin.lab.CorpusReader;
import dev.cabin.lab.CorpusReader.Format;

/** Corpora as people have them, good and bad: bad ones name the line, never a stack trace. */
class CorpusReaderTest {

	@TempDir
	Path folder;

	@Test
	void jsonLinesWithLocalesAndSlots() throws Exception {
		Path file = write("ok.jsonl", """
				{"text": "what's my tire pressure", "intent": "tire_pressure"}

				{"text": "weather in Paris", "intent": "GetWeather", "slots": [{"start": 11, "end": 16, "slot": "city", "value": "Paris"}]}
				{"text": "胎压正常吗", "intent": "tire_pressure", "locale": "zh-CN"}
				{"text": "book a flight to mars", "intent": "oos"}
				""");

		Corpus corpus = CorpusReader.read(file, Format.JSONL);

		assertEquals(4, corpus.lines().size());
		assertEquals(List.of(), corpus.warnings());
		CorpusLine weather = corpus.lines().get(1);
		assertEquals(3, weather.line(), "line numbers count the blank line");
		assertEquals("Paris", weather.slots().get(0).value(weather.text()));
		assertEquals("city", weather.slots().get(0).slot());
		assertEquals("zh-CN", corpus.lines().get(2).locale());
		assertNull(corpus.lines().get(0).locale());
		assertTrue(corpus.lines().get(3).outOfScope());
	}

	@Test
	void linesWithoutTheirFieldsAreLeftOutWithACountAndTheirLines() throws Exception {
		Path file = write("gaps.jsonl", """
				{"text": "ok", "intent": "a"}
				{"intent": "a"}
				{"text": "no intent"}
				{"text": 42, "intent": "a"}
				{"text": "", "intent": "a"}
				["not", "an", "object"]
				{"text": "bad slot", "intent": "a", "slots": [{"start": 4, "end": 99, "slot": "x"}]}
				{"text": "fine", "intent": "b"}
				""");

		Corpus corpus = CorpusReader.read(file, Format.JSONL);

		assertEquals(2, corpus.lines().size());
		String warnings = String.join("\n", corpus.warnings());
		assertTrue(warnings.contains(file + ":2: warning: skipped 3 lines without a \"text\" (lines 2, 4, 5)"), warnings);
		assertTrue(warnings.contains(file + ":3: warning: skipped 1 line without an \"intent\" (line 3)"), warnings);
		assertTrue(warnings.contains("skipped 1 line whose content is not a JSON object (line 6)"), warnings);
		assertTrue(warnings.contains("(line 7)"), "the slot outside the text: " + warnings);
	}

	@Test
	void invalidJsonIsAnErrorNamingItsLine() throws Exception {
		Path file = write("broken.jsonl", """
				{"text": "fine", "intent": "a"}
				{"text": "also fine", "intent": "a"}
				{"text": "broken, "intent": "a"}
				""");

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.JSONL));

		assertTrue(error.getMessage().startsWith(file + ":3:"), error.getMessage());
		assertTrue(error.getMessage().contains("invalid JSON"), error.getMessage());
	}

	@Test
	void anEmptyCorpusIsAnError() throws Exception {
		for (String text : new String[] { "", "\n\n  \n" }) {
			Path file = write("empty.jsonl", text);

			CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.JSONL));

			assertTrue(error.getMessage().contains("no utterances"), error.getMessage());
		}
	}

	@Test
	void aCorpusWhoseEveryLineIsSkippedSaysWhy() throws Exception {
		Path file = write("useless.jsonl", "{\"intent\": \"a\"}\n{\"intent\": \"b\"}\n");

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.JSONL));

		assertTrue(error.getMessage().contains("skipped 2 lines without a \"text\""), error.getMessage());
	}

	@Test
	void textThatIsNotUtf8IsAnErrorNamingItsLine() throws Exception {
		Path file = folder.resolve("latin1.jsonl");
		byte[] latin1 = "{\"text\": \"ok\", \"intent\": \"a\"}\n{\"text\": \"caf\u00e9\", \"intent\": \"a\"}\n"
				.getBytes(StandardCharsets.ISO_8859_1);
		Files.write(file, latin1);

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.JSONL));

		assertTrue(error.getMessage().startsWith(file + ":2: not UTF-8"), error.getMessage());
	}

	@Test
	void aByteOrderMarkIsNoProblem() throws Exception {
		Path file = folder.resolve("bom.jsonl");
		Files.write(file, ("\uFEFF{\"text\": \"hello\", \"intent\": \"greeting\"}\n").getBytes(StandardCharsets.UTF_8));

		assertEquals("hello", CorpusReader.read(file, Format.JSONL).lines().get(0).text());
	}

	@Test
	void csvWithAHeaderQuotesAndLineBreaksInCells() throws Exception {
		Path file = write("corpus.csv", """
				intent,text
				greeting,hello there
				weather,"is it going to rain, tomorrow"
				quote,"she said ""hi""\"
				multi,"two
				lines"
				after,the multi-line cell
				""");

		Corpus corpus = CorpusReader.read(file, Format.CSV);

		assertEquals(List.of("hello there", "is it going to rain, tomorrow", "she said \"hi\"", "two\nlines",
				"the multi-line cell"), corpus.lines().stream().map(CorpusLine::text).toList());
		assertEquals("weather", corpus.lines().get(1).intent(), "columns found by the header");
		assertEquals(7, corpus.lines().get(4).line(), "a line break inside a cell counts");
	}

	@Test
	void csvWithoutHeaderIsTextThenIntent() throws Exception {
		Path file = write("plain.csv", "hello,greeting\nbye\n");

		Corpus corpus = CorpusReader.read(file, Format.CSV);

		assertEquals("greeting", corpus.lines().get(0).intent());
		assertTrue(corpus.warnings().get(0).contains("without an \"intent\" (line 2)"), corpus.warnings().toString());
	}

	@Test
	void anUnclosedQuoteInCsvNamesTheLineWhereItOpened() throws Exception {
		Path file = write("open.csv", "hello,greeting\n\"never closed,greeting\nbye,goodbye\n");

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.CSV));

		assertTrue(error.getMessage().startsWith(file + ":2:"), error.getMessage());
	}

	@Test
	void rasaNluWithEntityAnnotations() throws Exception {
		Path file = write("nlu.yml", """
				version: "3.1"
				nlu:
				- intent: greet
				  examples: |
				    - hey
				    - good morning
				- synonym: nyc
				  examples: |
				    - new york
				- intent: weather
				  examples: |
				    - weather in [Berlin](city) today
				    - will it rain in [Paris]{"entity": "city", "value": "paris"}
				""");

		Corpus corpus = CorpusReader.read(file, Format.RASA);

		assertEquals(List.of("hey", "good morning", "weather in Berlin today", "will it rain in Paris"),
				corpus.lines().stream().map(CorpusLine::text).toList(), "synonyms are not utterances");
		CorpusLine berlin = corpus.lines().get(2);
		assertEquals("Berlin", berlin.slots().get(0).value(berlin.text()));
		assertEquals("city", corpus.lines().get(3).slots().get(0).slot());
		assertEquals(5, corpus.lines().get(0).line());
		assertEquals(12, berlin.line());
	}

	@Test
	void invalidYamlNamesItsLine() throws Exception {
		Path file = write("bad.yml", "nlu:\n- intent: greet\n  examples: |\n    - hey\n  - broken: [\n");

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.RASA));

		assertTrue(error.getMessage().matches("\\Q" + file + "\\E:[45]:\\d+: invalid YAML.*"), error.getMessage());
	}

	@Test
	void yamlThatIsNotRasaSaysSo() throws Exception {
		Path file = write("other.yml", "stories:\n- story: hello\n");

		CorpusException error = assertThrows(CorpusException.class, () -> CorpusReader.read(file, Format.RASA));

		assertTrue(error.getMessage().contains("no \"nlu:\" list"), error.getMessage());
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
	}
}
