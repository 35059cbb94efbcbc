package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.LoopbackLlm;
import dev.cabin.testing.Repository;

class TestCommandTest {

	private static final Path TEST_AGENTS = Repository.file("tests/dev.cabin.compiler.tests/agents");

	@TempDir
	Path dir;

	@Test
	void theTestAgentsPassAndTheJUnitReportSaysSo() throws IOException {
		Path junit = dir.resolve("report.xml");

		CabinCommand test = CabinCommand.run("test", TEST_AGENTS.toString(), "--junit", junit.toString());

		assertEquals(0, test.exitCode, test.toString());
		assertTrue(test.out.contains("PASS Comfort: a gaze at the sunroof, then open that"), test.out);
		assertTrue(test.out.strip().endsWith("18 passed, 0 failed"), test.out);
		String xml = Files.readString(junit);
		assertTrue(xml.contains("<testsuite name=\"Comfort\" tests=\"16\" failures=\"0\""), xml);
		assertTrue(xml.contains("<testsuite name=\"Travel\" tests=\"2\" failures=\"0\""), xml);
	}

	@Test
	void theExampleAgentsPassTheirConversationTests() {
		CabinCommand test = CabinCommand.run("test", Repository.file("examples/car-genius").toString(),
				Repository.file("examples/travel-companion").toString(), Repository.file("examples/cabin-comfort").toString());

		assertEquals(0, test.exitCode, test.toString());
		assertTrue(test.out.contains("PASS TravelCompanion: a warning light is a question for Car Genius"), test.out);
		assertTrue(test.out.strip().endsWith(" 0 failed"), test.out);
	}

	@Test
	void anAgentHandsOffToTheAgentItImportsWhenItsFolderIsTestedAlone() {
		CabinCommand test = CabinCommand.run("test", Repository.file("examples/travel-companion").toString());

		assertEquals(0, test.exitCode, test.toString());
		assertTrue(test.err.matches("(?s).*running \\d+ conversation tests of 1 agent .*"), "only its own tests: " + test);
		assertTrue(test.out.contains("PASS TravelCompanion: a warning light is a question for Car Genius"), test.out);
		assertTrue(test.out.strip().endsWith(" 0 failed"), test.out);
	}

	@Test
	void falseAcceptsAreMeasuredOnTheHeldBackBackgroundAndAsserted() throws IOException {
		Path agent = dir.resolve("garage.cabin");
		Files.writeString(agent, """
				agent Garage {
					locales en-US
					intent TirePressure { en-US: "what's my tire pressure", "check the tire pressure", "do my tires need air" }
					intent Wipers { en-US: "turn on the wipers", "start the windshield wipers", "wipers on please" }
					on voice TirePressure -> flow Tires
					on voice Wipers -> flow Wipe
					flow Tires { say "All four tires are fine." }
					flow Wipe { say "Wipers on." }
					test "rarely takes unrelated speech for a request" {
						expect false accepts below 50%
					}
					test "never takes unrelated speech for a request" {
						expect false accepts below 0%
					}
				}
				""");

		CabinCommand test = CabinCommand.run("test", agent.toString());

		assertEquals(1, test.exitCode, test.toString());
		assertTrue(test.out.contains("PASS Garage: rarely takes unrelated speech for a request"), test.out);
		assertTrue(test.out.contains("FAIL Garage: never takes unrelated speech for a request"), test.out);
		assertTrue(test.out.contains("garage.cabin:13: expected false accepts below 0%, got "), test.out);
		assertTrue(test.out.matches("(?s).*Garage: false accepts \\d+\\.\\d per 1,000 unrelated requests \\(\\d+ of"
				+ " \\d,\\d{3} held-back background lines.*"), "measured once and printed: " + test.out);
		assertEquals(1, test.out.split("false accepts [0-9.]+ per 1,000", -1).length - 1, "measured once: " + test.out);
	}

	@Test
	void falseAcceptsAreMeasuredOfflineWhileTheTestsTalkToTheLlm() throws IOException {
		Path agent = dir.resolve("teller.cabin");
		Files.writeString(agent, """
				agent Teller {
					locales en-US
					intent TellStory { en-US: "tell me a story", "tell us something fun", "a story please" }
					on voice TellStory -> flow Story
					flow Story { generate "Tell a short story." }
					test "tells a story" {
						user "tell me a story"
						expect reply contains "Once upon a time"
					}
					test "rarely takes unrelated speech for a request" {
						expect false accepts below 50%
					}
				}
				""");
		try (LoopbackLlm llm = new LoopbackLlm()) {
			llm.then(LoopbackLlm.ollamaText("Once upon a time a car found its way home."));
			Path settings = dir.resolve("llm.properties");
			Files.writeString(settings, "provider=ollama\nmodel=test\nretries=0\nbase-url=" + llm.url() + "\n");

			CabinCommand test = CabinCommand.run("test", agent.toString(), "--llm", settings.toString());
			CabinCommand lab = CabinCommand.run("labtest", agent.toString(), "--background");

			assertEquals(0, test.exitCode, test.toString());
			// a car's recognizer, as the lab measures it: the LLM is asked for the story only, not for the thousands
			// of held-back lines, which would cost a live model's calls and fill a recorded cassette
			assertEquals(1, llm.received().size(), "requests to the LLM: " + llm.received().size());
			assertEquals(falseAccepts(lab.out), falseAccepts(test.out), "the test measures what the lab measures");
		}
	}

	private static String falseAccepts(String printed) {
		Matcher figure = Pattern.compile("false accepts [0-9.]+ per 1,000 unrelated requests \\([\\d,]+ of [\\d,]+")
				.matcher(printed);
		assertTrue(figure.find(), printed);
		return figure.group();
	}

	@Test
	void aFailingExpectationIsReportedAtItsLineWithTheTranscript() throws IOException {
		Path agent = dir.resolve("wrong.cabin");
		Files.writeString(agent, """
				agent Wrong {
					locales en-US
					intent Hello { en-US: "hello", "hi there" }
					on voice Hello -> flow Greet
					flow Greet { say "Hello!" }
					test "greets" {
						user "hello"
						expect reply contains "Goodbye"
						expect intent Hello
					}
				}
				""");
		Path junit = dir.resolve("report.xml");

		CabinCommand test = CabinCommand.run("test", agent.toString(), "--junit", junit.toString());

		assertEquals(1, test.exitCode, test.toString());
		assertTrue(test.out.contains("FAIL Wrong: greets"), test.out);
		assertTrue(test.out.contains("wrong.cabin:8: expected a reply containing \"Goodbye\", got [\"Hello!\"]"), test.out);
		assertTrue(test.out.contains("< Wrong (say): Hello!"), "the transcript shows what happened: " + test.out);
		assertTrue(test.out.strip().endsWith("0 passed, 1 failed"), test.out);
		assertTrue(Files.readString(junit).contains("<failure message="), "the report has the failure");
		assertFalse(test.printedAStackTrace(), test.toString());
	}

	@Test
	void whatTheCompilerCannotTranslateIsAnErrorAtItsLine() throws IOException {
		Path agent = dir.resolve("fortnight.cabin");
		Files.writeString(agent, """
				agent Slow {
					locales en-US
					defaults {
						timeout 2 fortnights
					}
				}
				""");

		CabinCommand test = CabinCommand.run("test", agent.toString());

		assertEquals(1, test.exitCode, test.toString());
		assertTrue(test.err.contains("fortnight.cabin:4:") && test.err.contains("error"),
				"reported at its line, by the validator or else the compiler: " + test.err);
		assertFalse(test.printedAStackTrace(), test.toString());
	}

	@Test
	void filesWithoutTestsAndBadOptionsAreRefused() throws IOException {
		Path withoutTests = Files.writeString(dir.resolve("plain.cabin"), "agent Plain {\n\tlocales en-US\n}\n");
		CabinCommand none = CabinCommand.run("test", withoutTests.toString());
		assertEquals(1, none.exitCode, none.toString());
		assertTrue(none.err.contains("no test blocks"), none.err);

		CabinCommand record = CabinCommand.run("test", TEST_AGENTS.toString(), "--record");
		assertEquals(2, record.exitCode, record.toString());
		assertTrue(record.err.contains("--record needs --cassette"), record.err);

		CabinCommand missingCassette = CabinCommand.run("test", TEST_AGENTS.toString(), "--cassette",
				dir.resolve("none.json").toString());
		assertEquals(1, missingCassette.exitCode, missingCassette.toString());
		assertTrue(missingCassette.err.contains("cannot use the cassette"), missingCassette.err);
	}
}
