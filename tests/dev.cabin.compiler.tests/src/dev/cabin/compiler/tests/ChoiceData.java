package dev.cabin.compiler.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.OwnDomainFilter;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SlotSamples;
import dev.cabin.language.TextNormalizer;
import dev.cabin.testing.Repository;

/**
 * What a constant of recognition may be chosen on: the example agents' development lines
 * ({@code examples/NAME/dev-LANG.jsonl}) and the background's calibration lines, never a paraphrase corpus nor a
 * held-back background line.
 */
final class ChoiceData {

	/** The example agents: their folder and the id of the agent measured. */
	static final String[][] AGENTS = { { "car-genius", "CarGenius" }, { "travel-companion", "TravelCompanion" },
			{ "cabin-comfort", "CabinComfort" } };

	private ChoiceData() {
	}

	/** The normalized development lines of an example agent in a language, with their intents. */
	static Map<String, String> development(String folder, Language language) throws IOException {
		Map<String, String> lines = new HashMap<>();
		Path file = Repository.file("examples/" + folder + "/dev-" + language.code() + ".jsonl");
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				lines.put(TextNormalizer.normalize(field(line, "text")), field(line, "intent"));
			}
		}
		return lines;
	}

	private static String field(String line, String name) {
		int start = line.indexOf("\"" + name + "\": \"") + name.length() + 5;
		return line.substring(start, line.indexOf('"', start));
	}

	/**
	 * The background's calibration lines of a language without the agent's own domain, as the compiler calibrates
	 * on.
	 *
	 * @param lines the background's lines of the language, and their {@code vectors}
	 */
	static List<String> calibration(AgentIr agent, Language language, List<BackgroundCorpus.Line> lines,
			float[][] vectors, SentenceEncoder encoder) {
		List<String> templates = new ArrayList<>();
		List<float[]> own = new ArrayList<>();
		for (IntentIr intent : agent.intents()) {
			for (ExampleIr example : intent.examples()) {
				if (Language.ofLocale(example.locale()) == language) {
					templates.add(example.text());
					own.add(encoder.encode(
							SlotSamples.spoken(example.text(), example.locale(), intent.slots(), agent.entities())));
				}
			}
		}
		Set<String> names = agent.intents().stream().map(IntentIr::name).collect(Collectors.toSet());
		List<String> calibration = new ArrayList<>();
		for (int i : OwnDomainFilter.unrelated(lines, vectors, own, templates, names).kept()) {
			if (lines.get(i).part() == BackgroundCorpus.Part.CALIBRATION) {
				calibration.add(lines.get(i).normalized());
			}
		}
		return calibration;
	}

	/** The encoder, answering from the embeddings given (the background's shipped vectors) where it can. */
	static SentenceEncoder cached(SentenceEncoder encoder, Map<String, float[]> embeddings) {
		return new SentenceEncoder() {
			public String modelId() {
				return encoder.modelId();
			}

			public int dimension() {
				return encoder.dimension();
			}

			public float[] encode(String sentence) {
				return embeddings.computeIfAbsent(sentence, encoder::encode);
			}
		};
	}
}
