package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.engine.nlu.Language;
import dev.cabin.testing.Repository;

/** {@code cabin import} and {@code cabin labtest} as a user runs them. */
class LabCommandsTest {

	private static final String TRAIN = """
			{"text": "set a timer for ten minutes", "intent": "timer"}
			{"text": "start a five minute timer", "intent": "timer"}
			{"text": "count down twenty minutes for me", "intent": "timer"}
			{"text": "remind me when three minutes are up", "intent": "timer"}
			{"text": "I need a timer for the parking meter", "intent": "timer"}
			{"text": "yes", "intent": "yes"}
			{"text": "yes please", "intent": "yes"}
			{"text": "sure, go ahead", "intent": "yes"}
			{"text": "that's right", "intent": "yes"}
			{"text": "absolutely", "intent": "yes"}
			{"text": "what's my tire pressure", "intent": "tire_pressure"}
			{"text": "do my tires need air", "intent": "tire_pressure"}
			{"text": "is the pressure in the tyres ok", "intent": "tire_pressure"}
			{"text": "check the air in my tires", "intent": "tire_pressure"}
			{"text": "are the tires inflated properly", "intent": "tire_pressure"}
			{"text": "what's the capital of peru", "intent": "oos"}
			{"text": "how do I bake sourdough bread", "intent": "oos"}
			{"text": "who won the world cup in 1998", "intent": "oos"}
			{"text": "recommend a good horror movie", "intent": "oos"}
			""";

	private static final String TEST = """
			{"text": "set a 15 minute timer", "intent": "timer"}
			{"text": "time eight minutes for me", "intent": "timer"}
			{"text": "yeah sure", "intent": "yes"}
			{"text": "yes, do it", "intent": "yes"}
			{"text": "is there enough air in my tires", "intent": "tire_pressure"}
			{"text": "tire pressure check", "intent": "tire_pressure"}
			{"text": "how tall is mount everest", "intent": "oos"}
			{"text": "teach me to knit a scarf", "intent": "oos"}
			""";

	@TempDir
	Path dir;

	@Test
	void anImportedAgentChecksCleanAndTheLabTestComparesItWithTheCorpusLabels() throws Exception {
		Path agent = dir.resolve("assistant.cabin");
		write("train.jsonl", TRAIN);
		Path test = write("test.jsonl", TEST);

		CabinCommand imported = CabinCommand.run("import", "jsonl", dir.resolve("train.jsonl").toString(), "-o",
				agent.toString());

		assertEquals(0, imported.exitCode, imported.toString());
		assertTrue(imported.err.contains("agent Assistant, 3 intents, 15 examples; 4 out-of-scope examples"),
				imported.err);
		String source = Files.readString(agent);
		assertTrue(source.contains("// ./cabin import jsonl " + dir.resolve("train.jsonl") + " -o " + agent), source);
		assertTrue(source.contains("intent timer_ {"), "a keyword gets an underscore: " + source);
		assertTrue(Files.readString(dir.resolve("assistant.out-of-scope.txt")).contains("who won the world cup in 1998"));
		CabinCommand check = CabinCommand.run("check", agent.toString());
		assertTrue(check.err.contains("1 file checked: 0 errors, 0 warnings"), check.toString());

		Path json = dir.resolve("report.json");
		Path html = dir.resolve("report.html");
		CabinCommand lab = CabinCommand.run("labtest", agent.toString(), "--corpus", test.toString(), "--json",
				json.toString(), "--html", html.toString(), "--threads", "2");

		assertEquals(0, lab.exitCode, lab.toString());
		assertTrue(lab.out.startsWith("Assistant on test.jsonl: 8 utterances (6 in scope, 2 out of scope)"), lab.out);
		assertTrue(lab.out.contains("in-scope accuracy"), lab.out);
		JsonNode report = new ObjectMapper().readTree(json.toFile());
		for (String key : new String[] { "n", "in_scope_accuracy", "oos_recall", "oos_precision", "macro_f1",
				"latency_ms", "per_intent" }) {
			assertTrue(report.has(key), key);
		}
		assertTrue(report.get("latency_ms").has("p50") && report.get("latency_ms").has("p99"));
		assertEquals(2, report.get("per_intent").get("timer_").get("support").asInt(), "the corpus' timer is timer_");
		assertTrue(report.get("in_scope_accuracy").asDouble() >= 5.0 / 6, report.toPrettyString());
		assertTrue(Files.readString(html).contains("<svg class=\"heatmap\""));
		assertFalse(lab.printedAStackTrace(), lab.toString());
	}

	@Test
	void theCompiledAgentIsKeptUntilItsSourceOrItsOutOfScopeExamplesChange() throws Exception {
		Path agent = dir.resolve("cached.cabin");
		Path test = write("test.jsonl", TEST);
		CabinCommand.run("import", "jsonl", write("train.jsonl", TRAIN).toString(), "-o", agent.toString());
		Path cache = Path.of(System.getProperty("cabin.cache", "target/cabin-cache"));
		Set<Path> before = entries(cache);

		CabinCommand first = CabinCommand.run("labtest", agent.toString(), "--corpus", test.toString());
		Set<Path> afterFirst = entries(cache);
		CabinCommand again = CabinCommand.run("labtest", agent.toString(), "--corpus", test.toString());

		assertEquals(0, first.exitCode, first.toString());
		assertEquals(1, afterFirst.stream().filter(p -> !before.contains(p)).count(), "the IR went to " + cache);
		assertEquals(afterFirst, entries(cache), "the second run found the IR of the first");
		assertEquals(first.out.lines().skip(1).limit(3).toList(), again.out.lines().skip(1).limit(3).toList());
		Files.writeString(dir.resolve("cached.out-of-scope.txt"), "what's the capital of chile\n",
				StandardOpenOption.APPEND);
		CabinCommand.run("labtest", agent.toString(), "--corpus", test.toString());
		assertEquals(1, entries(cache).stream().filter(p -> !afterFirst.contains(p)).count(),
				"new out-of-scope examples compile again");
	}

	@Test
	void slotValuesOfTheCorpusBecomeEntitiesAndAreScored() throws Exception {
		Path train = write("weather.jsonl", """
				{"text": "weather in Paris", "intent": "GetWeather", "slots": [{"start": 11, "end": 16, "slot": "city"}]}
				{"text": "will it rain in Berlin tomorrow", "intent": "GetWeather", "slots": [{"start": 16, "end": 22, "slot": "city"}]}
				{"text": "is it sunny in Rome", "intent": "GetWeather", "slots": [{"start": 15, "end": 19, "slot": "city"}]}
				{"text": "play some jazz", "intent": "PlayMusic"}
				{"text": "put on a song by Queen", "intent": "PlayMusic"}
				{"text": "I want to hear music", "intent": "PlayMusic"}
				""");
		Path agent = dir.resolve("weather.cabin");
		Path test = write("weather-test.jsonl", """
				{"text": "how is the weather in Rome", "intent": "GetWeather", "slots": [{"start": 22, "end": 26, "slot": "city"}]}
				{"text": "forecast for Berlin please", "intent": "GetWeather", "slots": [{"start": 13, "end": 19, "slot": "city"}]}
				{"text": "play music", "intent": "PlayMusic"}
				""");

		CabinCommand imported = CabinCommand.run("import", "jsonl", train.toString(), "-o", agent.toString());
		CabinCommand lab = CabinCommand.run("labtest", agent.toString(), "--corpus", test.toString(), "--json",
				dir.resolve("slots.json").toString());

		assertEquals(0, imported.exitCode, imported.toString());
		assertTrue(Files.readString(agent).contains("\"weather in {city=Paris}\""));
		assertEquals(0, lab.exitCode, lab.toString());
		assertTrue(lab.out.contains("slots"), lab.out);
		JsonNode slots = new ObjectMapper().readTree(dir.resolve("slots.json").toFile()).get("slots");
		assertEquals(2, slots.get("support").asInt());
		assertEquals(1.0, slots.get("recall").asDouble(), "Rome and Berlin are values of the entity: " + slots);
	}

	@Test
	void badCorporaAreNamedWithTheLineAndNeverAStackTrace() throws Exception {
		Path broken = write("broken.jsonl", "{\"text\": \"ok\", \"intent\": \"a\"}\n{\"text\": \"oops\" \"intent\": \"a\"}\n");
		Path empty = write("empty.jsonl", "\n");
		Path latin1 = dir.resolve("latin1.csv");
		Files.write(latin1, "caf\u00e9,drinks\n".getBytes(StandardCharsets.ISO_8859_1));

		CabinCommand invalidJson = CabinCommand.run("labtest", Repository.carGenius().toString(), "--corpus",
				broken.toString());
		CabinCommand nothing = CabinCommand.run("import", "jsonl", empty.toString(), "-o", dir.resolve("x.cabin").toString());
		CabinCommand notUtf8 = CabinCommand.run("import", "csv", latin1.toString(), "-o", dir.resolve("y.cabin").toString());

		assertEquals(1, invalidJson.exitCode, invalidJson.toString());
		assertTrue(invalidJson.err.startsWith(broken + ":2:"), invalidJson.err);
		assertEquals(1, nothing.exitCode, nothing.toString());
		assertTrue(nothing.err.contains("no utterances"), nothing.err);
		assertEquals(1, notUtf8.exitCode);
		assertTrue(notUtf8.err.startsWith(latin1 + ":1: not UTF-8"), notUtf8.err);
		assertFalse(Files.exists(dir.resolve("x.cabin")), "nothing written from a bad corpus");
		for (CabinCommand command : new CabinCommand[] { invalidJson, nothing, notUtf8 }) {
			assertFalse(command.printedAStackTrace(), command.toString());
		}
	}

	@Test
	void aRequestTurnedDownForUnrelatedSpeechIsShownWithTheBackgroundLinesNearIt() throws Exception {
		BackgroundCorpus.Line weather = BackgroundCorpus.builtIn().lines(Language.ZH).stream()
				.filter(line -> line.part() == BackgroundCorpus.Part.TRAINING && line.label().equals("written:weather"))
				.findFirst().orElseThrow();
		Path agent = Files.copy(Repository.file("tests/dev.cabin.testing/agents/charger-zh.cabin"),
				dir.resolve("charger.cabin"));
		// a weather question the author labelled as theirs: the agent was compiled against this very line
		Path corpus = write("mislabelled.jsonl",
				"{\"text\": \"" + weather.text() + "\", \"intent\": \"FindCharger\", \"locale\": \"zh-CN\"}\n");
		Path json = dir.resolve("report.json");

		CabinCommand lab = CabinCommand.run("labtest", agent.toString(), "--corpus", corpus.toString(), "--json",
				json.toString());

		assertEquals(0, lab.exitCode, lab.toString());
		assertTrue(lab.out.contains("fell back, as            1 nearer to unrelated speech than to its intent's examples"),
				lab.out);
		String quoted = "\"" + Pattern.quote(weather.text()) + "\"";
		assertTrue(Pattern.compile("near unrelated speech    " + quoted + " \\(FindCharger\\) is near " + quoted
				+ " \\(written:weather, (0\\.9\\d|1\\.00)\\)").matcher(lab.out).find(), lab.out);
		JsonNode error = new ObjectMapper().readTree(json.toFile()).get("errors").get(0);
		assertEquals("unrelatedSpeech", error.get("rejected_by").asText());
		assertEquals(weather.text(), error.get("nearest_unrelated").get(0).get("text").asText());
	}

	@Test
	void utterancesOfIntentsTheAgentLacksAreSkippedWithACount() throws Exception {
		Path corpus = write("mixed.jsonl", """
				{"text": "are my tires ok", "intent": "TirePressure"}
				{"text": "order a pizza", "intent": "FoodDelivery"}
				{"text": "play the radio", "intent": "Radio"}
				{"text": "is the tire pressure fine", "intent": "TirePressure"}
				""");

		CabinCommand lab = CabinCommand.run("labtest", Repository.carGenius().toString(), "--corpus", corpus.toString());

		assertEquals(0, lab.exitCode, lab.toString());
		assertTrue(lab.err.contains(corpus + ":2: warning: skipped 2 lines whose intent the agent does not have: "
				+ "FoodDelivery, Radio (lines 2, 3)"), lab.err);
		assertTrue(lab.out.contains("2 utterances (2 in scope, 0 out of scope)"), lab.out);
	}

	@Test
	void aCorpusWithNothingForTheAgentFailsSayingSo() throws Exception {
		Path corpus = write("elsewhere.jsonl", """
				{"text": "order a pizza", "intent": "FoodDelivery"}
				""");

		CabinCommand lab = CabinCommand.run("labtest", Repository.carGenius().toString(), "--corpus", corpus.toString());

		assertEquals(1, lab.exitCode, lab.toString());
		assertTrue(lab.err.contains("cabin labtest: no utterance of elsewhere.jsonl is for CarGenius"), lab.err);
	}

	@Test
	void theBackgroundMeasuresCarGeniusFalseAcceptsWithNoCorpusToBring() throws Exception {
		Path json = dir.resolve("background.json");
		Path html = dir.resolve("background.html");

		CabinCommand lab = CabinCommand.run("labtest", Repository.carGenius().toString(), "--background", "--json",
				json.toString(), "--html", html.toString());

		assertEquals(0, lab.exitCode, lab.toString());
		assertTrue(lab.out.contains("CarGenius: false accepts "), lab.out);
		assertTrue(lab.out.contains(" per 1,000 unrelated requests ("), lab.out);
		JsonNode accepts = new ObjectMapper().readTree(json.toFile()).get("false_accepts");
		assertTrue(accepts.get("lines").asInt() > 1000, accepts.toString());
		assertTrue(accepts.get("left_out_as_own_domain").asInt() > 0, "tire pressure and jump start lines are its own");
		assertTrue(accepts.get("own_domain_labels").has("clinc150:tire_pressure"), accepts.toString());
		assertTrue(accepts.has("by_intent") && accepts.get("worst").isArray(), accepts.toString());
		// the intents the lines were taken for come the most hit first, as the CLI prints them and the browser shows them
		List<Integer> hits = new ArrayList<>();
		accepts.get("by_intent").forEach(count -> hits.add(count.asInt()));
		assertTrue(hits.size() > 1, accepts.toString());
		assertEquals(hits.stream().sorted(Comparator.reverseOrder()).toList(), hits, accepts.toString());
		assertTrue(accepts.get("by_locale").has("en-US") && accepts.get("by_locale").has("zh-CN"), accepts.toString());
		assertEquals(accepts.get("accepted").asDouble() / accepts.get("lines").asDouble(), accepts.get("rate").asDouble(),
				1e-4);
		// English: car genius is not under the bound of 1% yet (README); this guards what the background brought
		// it to, from about 5% without it
		JsonNode english = accepts.get("by_locale").get("en-US");
		assertTrue(english.get("accepted").asDouble() / english.get("lines").asDouble() < 0.03,
				"car genius takes 3% or more of unrelated English speech: " + accepts);
		assertTrue(Files.readString(html).contains("<h2>False accepts</h2>"));
		// the counts of lines, over 1,000, are written as the rate beside them ("per 1,000") is; the JSON's are numbers
		String counts = String.format(Locale.ROOT, "%,d of %,d", accepts.get("accepted").asInt(),
				accepts.get("lines").asInt());
		assertTrue(lab.out.contains("(" + counts + " held-back background lines acted on; "), lab.out);
		assertTrue(Files.readString(html).contains(" acted on: " + counts + ", "), "the HTML report says them so too");
	}

	@Test
	void wrongUsageIsExplained() throws Exception {
		Path corpus = write("c.jsonl", TEST);

		CabinCommand noCorpus = CabinCommand.run("labtest", Repository.carGenius().toString());
		CabinCommand unknownFormat = CabinCommand.run("import", "xml", corpus.toString(), "-o", "a.cabin");
		CabinCommand zero = CabinCommand.run("import", "jsonl", corpus.toString(), "-o", "a.cabin", "--max-per-intent", "0");
		CabinCommand threads = CabinCommand.run("labtest", Repository.carGenius().toString(), "--corpus",
				corpus.toString(), "--threads", "many");

		assertEquals(2, noCorpus.exitCode);
		assertTrue(noCorpus.err.contains("--corpus") && noCorpus.err.contains("--background"), noCorpus.err);
		assertEquals(2, unknownFormat.exitCode);
		assertTrue(unknownFormat.err.contains("unknown corpus format \"xml\""), unknownFormat.err);
		assertEquals(2, zero.exitCode);
		assertEquals(2, threads.exitCode);
	}

	@Test
	void paraphrasesAnActingIntentAsksAboutFirstAndWrongActionsAreCountedApart() throws Exception {
		Path json = dir.resolve("comfort.json");

		CabinCommand lab = CabinCommand.run("labtest", Repository.file("examples/cabin-comfort/cabin-comfort.cabin")
				.toString(), "--corpus", Repository.file("examples/cabin-comfort/labtest-en.jsonl").toString(), "--json",
				json.toString());

		assertEquals(0, lab.exitCode, lab.toString());
		JsonNode report = new ObjectMapper().readTree(json.toFile());
		int asked = report.get("in_scope_asked").asInt();
		// its intents that call a tool (the sunroof, the seats) ask about their least typical paraphrases
		assertTrue(asked > 0, report.toPrettyString());
		assertTrue(lab.out.matches("(?s).*asked first +" + asked + " of the \\d+ recognized.*"), lab.out);
		// what it took for another intent and did without asking is said apart: the error a driver feels most
		int wrongActedOn = report.get("in_scope_wrong_acted_on").asInt();
		assertTrue(lab.out.matches("(?s).*wrong intent acted on +" + wrongActedOn + " of the 128 in scope.*"), lab.out);
	}

	@Test
	void carGeniusRecognizesTheChineseCorpus() throws Exception {
		Path json = dir.resolve("zh.json");

		CabinCommand lab = CabinCommand.run("labtest", Repository.carGenius().toString(), "--corpus",
				Repository.file("examples/car-genius/labtest-zh.jsonl").toString(), "--json", json.toString());

		assertEquals(0, lab.exitCode, lab.toString());
		JsonNode report = new ObjectMapper().readTree(json.toFile());
		// 77 of the 80 paraphrases, with false accepts under 1% (README, Figures)
		assertTrue(report.get("in_scope_accuracy").asDouble() >= 0.95, report.toPrettyString());
		assertTrue(report.get("oos_recall").asDouble() >= 0.85, report.toPrettyString());
	}

	@Test
	void theCockpitExampleChecksClean() {
		CabinCommand check = CabinCommand.run("check", Repository.file("examples/cockpit/cockpit.cabin").toString());

		assertTrue(check.err.contains("1 file checked: 0 errors, 0 warnings"), check.toString());
	}

	@Test
	void theCockpitExampleIsWhatItsHeaderCommandWrites() throws Exception {
		Path data = Repository.sharedData();
		assumeTrue(data != null, "skipped: the shared NLU data (../shared/data/clinc150-incar) is not on this machine");
		Path agent = dir.resolve("cockpit.cabin");

		CabinCommand.run("import", "jsonl", data.resolve("clinc150-incar/train.jsonl").toString(), "-o", agent.toString(),
				"--name", "Cockpit");

		Path committed = Repository.file("examples/cockpit/cockpit.cabin");
		assertEquals(withoutHeader(Files.readString(committed)), withoutHeader(Files.readString(agent)),
				"regenerate it with the command in its header");
		assertEquals(Files.readString(committed.resolveSibling("cockpit.out-of-scope.txt")),
				Files.readString(dir.resolve("cockpit.out-of-scope.txt")));
	}

	/** The source without the comment lines at its top, which name the files as they were given. */
	private static String withoutHeader(String source) {
		return source.substring(source.indexOf("\nagent "));
	}

	/** The figure of the issue with ten examples per intent (the full corpus takes minutes: see the README). */
	@Test
	void withTenExamplesPerIntentTheCockpitRecognizesTheValidationSplit() throws Exception {
		Path data = Repository.sharedData();
		assumeTrue(data != null, "skipped: the shared NLU data (../shared/data/clinc150-incar) is not on this machine");
		Path agent = dir.resolve("cockpit10.cabin");
		Path json = dir.resolve("cockpit10.json");

		CabinCommand imported = CabinCommand.run("import", "jsonl", data.resolve("clinc150-incar/train.jsonl").toString(),
				"-o", agent.toString(), "--max-per-intent", "10");
		CabinCommand lab = CabinCommand.run("labtest", agent.toString(), "--corpus",
				data.resolve("clinc150-incar/val.jsonl").toString(), "--json", json.toString());

		assertEquals(0, imported.exitCode, imported.toString());
		assertEquals(0, lab.exitCode, lab.toString());
		JsonNode report = new ObjectMapper().readTree(json.toFile());
		assertEquals(1600, report.get("n").asInt());
		String figure = "in-scope " + report.get("in_scope_accuracy") + ", out-of-scope recall " + report.get("oos_recall");
		System.out.println("figure: cockpit, ten examples per intent, on the validation split: " + figure);
		// trained against the built-in background, ten examples per intent give up some in-scope accuracy (90.1%
		// without it) for rejection (94% without it): a wrong action is worse than a fallback; the background's
		// weight chosen for it (2 intents) took 85.5%, 97% (recog, README)
		assertTrue(report.get("in_scope_accuracy").asDouble() >= 0.85, figure);
		assertTrue(report.get("oos_recall").asDouble() >= 0.94, figure);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
	}

	private static Set<Path> entries(Path cache) throws IOException {
		if (!Files.isDirectory(cache)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(cache)) {
			return files.filter(p -> p.getFileName().toString().startsWith("ir-")).collect(Collectors.toSet());
		}
	}
}
