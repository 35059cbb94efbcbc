package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.engine.nlu.Language;
import dev.cabin.language.TextNormalizer;
import dev.cabin.testing.Repository;

/**
 * The development sets of the example agents ({@code examples/NAME/dev-LANG.jsonl}) choose the toolchain's
 * recognition parameters; the second ({@code dev2-LANG.jsonl}) guided the third round of examples, and the third
 * ({@code dev3-LANG.jsonl}), never shown to that round's authors, checks it; the fourth ({@code dev4-LANG.jsonl}),
 * written after the third round, checks what was changed after it; travel-companion's fifth ({@code dev5-LANG.jsonl})
 * checks its fifth round, guided by the second to fourth; the paraphrase corpora
 * ({@code labtest-LANG.jsonl}) and the background's held-back lines measure them. A development line that is also a
 * measured line, an example of the agent, a background line or a line of another development set would let a
 * choice see what it is judged on; a measured line that is nearly an example would measure nothing.
 */
class DevelopmentSetTest {

	private static final String[] LANGUAGES = { "en", "zh" };

	/** The development sets every example agent has; a later round may add sets to one agent only. */
	private static final List<String> COMMON_DEVELOPMENT_SETS = List.of("dev", "dev2", "dev3", "dev4");

	private static final double NEARLY_THE_SAME = 0.8;

	@ParameterizedTest
	@ValueSource(strings = { "car-genius", "travel-companion", "cabin-comfort" })
	void developmentLinesAreNeitherMeasuredNorExamplesNorBackground(String agent) throws IOException {
		Path folder = Repository.file("examples/" + agent);
		Set<String> examples = examples(folder.resolve(agent + ".cabin"));
		Set<String> background = new HashSet<>();
		for (Language language : Language.values()) {
			BackgroundCorpus.builtIn().lines(language).forEach(line -> background.add(line.normalized()));
		}
		for (String language : LANGUAGES) {
			Set<String> measured = new HashSet<>(texts(folder.resolve("labtest-" + language + ".jsonl")).keySet());
			Set<String> earlierSets = new HashSet<>();
			List<String> sets = developmentSets(folder, language);
			assertTrue(sets.containsAll(COMMON_DEVELOPMENT_SETS), agent + " " + language + " has only " + sets);
			for (String set : sets) {
				String name = set + "-" + language;
				Map<String, String> development = texts(folder.resolve(name + ".jsonl"));
				assertFalse(development.isEmpty(), agent + " " + name + " is empty");
				for (String line : development.keySet()) {
					assertFalse(measured.contains(line), agent + " " + name + " line is measured: " + line);
					assertFalse(examples.contains(line), agent + " " + name + " line is an example: " + line);
					assertFalse(background.contains(line), agent + " " + name + " line is background: " + line);
					assertFalse(earlierSets.contains(line), agent + " " + name + " line is in an earlier set: " + line);
				}
				earlierSets.addAll(development.keySet());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "car-genius", "travel-companion", "cabin-comfort" })
	void everyIntentHasTenDistinctDevelopmentLinesPerLanguage(String agent) throws IOException {
		Path folder = Repository.file("examples/" + agent);
		for (String language : LANGUAGES) {
			Path file = folder.resolve("dev-" + language + ".jsonl");
			Map<String, Integer> perIntent = new LinkedHashMap<>();
			texts(file).values().forEach(intent -> perIntent.merge(intent, 1, Integer::sum));
			assertEquals(lines(file).size(), texts(file).size(), file + " says a line twice");
			perIntent.forEach((intent, count) -> assertEquals(10, count, file + ": " + intent));
			assertEquals(intents(folder.resolve(agent + ".cabin")), perIntent.keySet(), file.toString());
		}
	}

	/*
	 * The paraphrase corpora measure the agents: a paraphrase that is nearly one of the agent's examples (more than
	 * 80% of their words, or in Chinese of their character pairs, in common: "are my tyres properly inflated" and
	 * "are my tyres inflated properly") would be recognized by rote and measure nothing.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "car-genius", "travel-companion", "cabin-comfort" })
	void paraphrasesAreNotNearlyExamplesOfTheirAgent(String agent) throws IOException {
		Path folder = Repository.file("examples/" + agent);
		Set<String> examples = examples(folder.resolve(agent + ".cabin"));
		for (String language : LANGUAGES) {
			for (String paraphrase : texts(folder.resolve("labtest-" + language + ".jsonl")).keySet()) {
				for (String example : examples) {
					assertTrue(overlap(paraphrase, example) <= NEARLY_THE_SAME, agent + " labtest-" + language
							+ " line \"" + paraphrase + "\" is nearly the example \"" + example + "\"");
				}
			}
		}
	}

	/** The share of two normalized texts' words (character pairs, for Chinese) that they have in common. */
	private static double overlap(String first, String second) {
		Set<String> common = tokens(first);
		Set<String> all = new HashSet<>(common);
		Set<String> other = tokens(second);
		common.retainAll(other);
		all.addAll(other);
		return (double) common.size() / all.size();
	}

	private static Set<String> tokens(String normalized) {
		if (normalized.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return new HashSet<>(Arrays.asList(normalized.split(" ")));
		}
		String characters = normalized.replace(" ", "");
		Set<String> pairs = new HashSet<>();
		for (int i = 0; i + 1 < characters.length(); i++) {
			pairs.add(characters.substring(i, i + 2));
		}
		return pairs;
	}

	/** The names of the development sets of one language in a folder, in the order they were written. */
	private static List<String> developmentSets(Path folder, String language) throws IOException {
		Pattern file = Pattern.compile("(dev(\\d*))-" + language + "\\.jsonl");
		Comparator<Matcher> byRound = Comparator
				.comparingInt(match -> match.group(2).isEmpty() ? 1 : Integer.parseInt(match.group(2)));
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(path -> file.matcher(path.getFileName().toString())).filter(Matcher::matches)
					.sorted(byRound).map(match -> match.group(1)).toList();
		}
	}

	/** The normalized text of each corpus line with its intent. */
	private static Map<String, String> texts(Path corpus) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String line : lines(corpus)) {
			texts.put(TextNormalizer.normalize(field(line, "text")), field(line, "intent"));
		}
		return texts;
	}

	private static List<String> lines(Path corpus) throws IOException {
		return Files.readAllLines(corpus).stream().filter(line -> !line.isBlank()).toList();
	}

	private static String field(String line, String name) {
		int start = line.indexOf("\"" + name + "\": \"") + name.length() + 5;
		return line.substring(start, line.indexOf('"', start));
	}

	private static Set<String> examples(Path agent) {
		Set<String> examples = new HashSet<>();
		for (Intent intent : intentsOf(agent)) {
			for (LocalizedPhrases phrases : intent.getUtterances()) {
				phrases.getTexts().forEach(text -> examples.add(TextNormalizer.normalize(text)));
			}
		}
		return examples;
	}

	private static Set<String> intents(Path agent) {
		Set<String> names = new LinkedHashSet<>();
		intentsOf(agent).forEach(intent -> names.add(intent.getName()));
		return names;
	}

	private static List<Intent> intentsOf(Path agent) {
		LoadResult loaded = CabinSources.standalone().load(List.of(agent));
		assertFalse(loaded.hasErrors(), () -> agent + " has errors: " + loaded.problems());
		// an agent's file may import another agent's (travel-companion hands over to car-genius)
		return loaded.files().stream()
				.filter(file -> file.eResource().getURI().lastSegment().equals(agent.getFileName().toString()))
				.map(CabinFile::getAgents).flatMap(List::stream).map(Agent::getIntents)
				.flatMap(List::stream).toList();
	}
}
