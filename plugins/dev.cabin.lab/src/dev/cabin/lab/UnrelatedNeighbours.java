package dev.cabin.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.BackgroundVectors;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.language.TextNormalizer;

/**
 * The unrelated speech an agent was compiled against: the built-in background's training lines that its own-domain
 * filter kept, to name the ones nearest to a request the agent fell back on because unrelated speech was nearer
 * (or its out-of-scope class won). When they are the agent's own domain ("回家" for a trip planner), an example
 * that says them takes them out of the background. Held-back lines are never named: they stay a measurement.
 */
public final class UnrelatedNeighbours {

	/** A background line near an utterance, with its label and cosine. */
	public record Neighbour(String text, String label, double similarity) {

		/** {@code "打个车到火车站" (written:taxi, 0.66)}: how the command line and Studio show a neighbour. */
		public String described() {
			return String.format(Locale.ROOT, "\"%s\" (%s, %.2f)", text, label, similarity);
		}
	}

	private record Kept(List<BackgroundCorpus.Line> lines, List<float[]> vectors) {
	}

	private final SentenceEncoders encoders;
	private final Map<Language, Kept> kept;

	private UnrelatedNeighbours(SentenceEncoders encoders, Map<Language, Kept> kept) {
		this.encoders = encoders;
		this.kept = kept;
	}

	public static UnrelatedNeighbours of(AgentIr agent, SentenceEncoders encoders, Progress progress) {
		AgentExamples examples = AgentExamples.of(agent, encoders);
		BackgroundCorpus background = BackgroundCorpus.builtIn();
		Map<Language, Kept> kept = new EnumMap<>(Language.class);
		for (Language language : examples.locales().keySet()) {
			List<BackgroundCorpus.Line> all = background.lines(language);
			float[][] vectors = BackgroundVectors.of(background, language, encoders.forLanguage(language), null,
					progress);
			List<BackgroundCorpus.Line> lines = new ArrayList<>();
			List<float[]> lineVectors = new ArrayList<>();
			for (int i : examples.unrelated(language, all, vectors).kept()) {
				if (all.get(i).part() == BackgroundCorpus.Part.TRAINING) {
					lines.add(all.get(i));
					lineVectors.add(vectors[i]);
				}
			}
			kept.put(language, new Kept(lines, lineVectors));
		}
		return new UnrelatedNeighbours(encoders, kept);
	}

	/** The training lines nearest to an utterance, nearest first; none in a language the agent has no examples in. */
	public List<Neighbour> nearest(String utterance, int count) {
		String normalized = TextNormalizer.normalize(utterance);
		Language language = Language.ofText(normalized);
		Kept lines = kept.get(language);
		if (lines == null || normalized.isEmpty()) {
			return List.of();
		}
		float[] embedding = encoders.forLanguage(language).encode(normalized);
		List<Neighbour> neighbours = new ArrayList<>();
		for (int i = 0; i < lines.lines().size(); i++) {
			BackgroundCorpus.Line line = lines.lines().get(i);
			neighbours.add(new Neighbour(line.text(), line.label(), Vectors.dot(embedding, lines.vectors().get(i))));
		}
		neighbours.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
		return List.copyOf(neighbours.subList(0, Math.min(count, neighbours.size())));
	}
}
