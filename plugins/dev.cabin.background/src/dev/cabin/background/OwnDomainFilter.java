package dev.cabin.background;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cabin.engine.nlu.UtteranceTemplate;
import dev.cabin.engine.nlu.Vectors;

/**
 * Leaves out the background lines that an agent handles itself: a background line that asks what one of the
 * agent's intents does is no negative for it (CLINC150's {@code tire_pressure} lines for an agent with a
 * TirePressure intent). A line is the agent's own when its embedding is at least {@link #LINE_BOUND} similar to
 * one of the agent's examples, or when one of the agent's examples says it, a template included ("how do i get to
 * the mall by bus" is "how do I get to {destination}", and the embedding of the template with a sample value is
 * far from most of what its slot takes); a label (one intent of the source corpus) is the agent's own when at least
 * {@link #LABEL_SHARE} of its lines are, or when it bears the name of one of the agent's intents (an agent imported
 * from the source corpus keeps its labels as intent names: {@code tire_pressure}, {@code TirePressure}), and then
 * all its lines are left out, also those said in other words. Out-of-scope labels of the sources ({@code clinc150:oos}) are mixed bags and only lose their own lines.
 */
public final class OwnDomainFilter {

	/** The cosine to an agent example from which a background line asks for the same thing. */
	public static final double LINE_BOUND = 0.86;
	/** The share of a label's lines from which the whole label is the agent's domain. */
	public static final double LABEL_SHARE = 0.2;

	private OwnDomainFilter() {
	}

	/**
	 * What the filter made of some lines.
	 *
	 * @param kept the indices of the lines that are unrelated to the agent, in order
	 * @param ownLabels the labels left out as the agent's domain, with how many of their lines were close
	 */
	public record Result(List<Integer> kept, Map<String, Integer> ownLabels, int leftOut) {
	}

	/**
	 * @param lines the background lines, of one language
	 * @param vectors their unit embeddings, in the same order
	 * @param examples the unit embeddings of the agent's examples in that language
	 * @param templates the agent's examples in that language as written, slot markers included
	 * @param intents the names of the agent's intents
	 */
	public static Result unrelated(List<BackgroundCorpus.Line> lines, float[][] vectors, List<float[]> examples,
			List<String> templates, Set<String> intents) {
		List<Pattern> said = templates.stream().map(template -> UtteranceTemplate.parse(template).toPattern())
				.toList();
		Set<String> intentKeys = new HashSet<>();
		intents.forEach(intent -> intentKeys.add(nameKey(intent)));
		boolean[] close = new boolean[lines.size()];
		Map<String, Integer> labelSize = new HashMap<>();
		Map<String, Integer> labelClose = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String normalized = lines.get(i).normalized();
			close[i] = nearest(vectors[i], examples) >= LINE_BOUND
					|| said.stream().anyMatch(pattern -> pattern.matcher(normalized).matches());
			String label = lines.get(i).label();
			labelSize.merge(label, 1, Integer::sum);
			if (close[i]) {
				labelClose.merge(label, 1, Integer::sum);
			}
		}
		Map<String, Integer> ownLabels = new HashMap<>();
		labelSize.forEach((label, size) -> {
			int count = labelClose.getOrDefault(label, 0);
			boolean named = intentKeys.contains(nameKey(label.substring(label.indexOf(':') + 1)));
			if (!label.endsWith(":oos") && (named || count > 0 && count >= LABEL_SHARE * size)) {
				ownLabels.put(label, count);
			}
		});
		Set<String> own = new HashSet<>(ownLabels.keySet());
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!close[i] && !own.contains(lines.get(i).label())) {
				kept.add(i);
			}
		}
		return new Result(kept, Map.copyOf(ownLabels), lines.size() - kept.size());
	}

	/* "tire_pressure", "TirePressure" and "timer_" (an imported label that is a keyword) name one thing. */
	private static String nameKey(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	private static double nearest(float[] vector, List<float[]> examples) {
		double best = Double.NEGATIVE_INFINITY;
		for (float[] example : examples) {
			best = Math.max(best, Vectors.dot(vector, example));
		}
		return best;
	}
}
