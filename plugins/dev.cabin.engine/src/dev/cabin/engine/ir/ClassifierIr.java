package dev.cabin.engine.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How an agent tells its intents apart, with what the compiler prepared for it. The engine picks the
 * implementation by {@code kind}; an engine that does not know the kind refuses the IR.
 *
 * @param kind {@code nearest-example} (cosine similarity to the nearest example embedding) or another
 *        registered classifier
 * @param threshold the score below which an utterance is out of scope
 * @param parameters what the classifier kind needs besides the example embeddings (weights, calibration)
 * @param act per language ("en", "zh") and intent, the score from which the agent acts on the intent, if its
 *        confidence is {@code high}, without asking first; where it has none, the out-of-scope threshold
 */
public record ClassifierIr(String kind, double threshold, Map<String, Object> parameters,
		Map<String, Map<String, Double>> act) {

	public static final String NEAREST_EXAMPLE = "nearest-example";

	/** Below this cosine similarity to the nearest example an utterance is out of scope. */
	public static final double DEFAULT_THRESHOLD = 0.55;

	public static final ClassifierIr DEFAULT = new ClassifierIr(NEAREST_EXAMPLE, DEFAULT_THRESHOLD, Map.of());

	@JsonCreator
	public ClassifierIr {
		parameters = Ir.ordered(parameters);
		Map<String, Map<String, Double>> perLanguage = new LinkedHashMap<>();
		if (act != null) {
			act.forEach((language, intents) -> {
				if (intents == null || intents.values().stream().anyMatch(Objects::isNull)) {
					throw new IllegalArgumentException("an acting boundary of language \"" + language + "\" is no number");
				}
				perLanguage.put(language, Ir.ordered(intents));
			});
		}
		act = Collections.unmodifiableMap(perLanguage);
	}

	/**
	 * The score from which an intent of confidence {@code high} acts in a language without asking first: its
	 * calibrated boundary, never below the language's out-of-scope {@code threshold}, which it is where the intent
	 * has none.
	 */
	public double act(String language, String intent, double threshold) {
		return Math.max(threshold, act.getOrDefault(language, Map.of()).getOrDefault(intent, threshold));
	}

	/** A classifier without acting boundaries: it acts on whatever is in scope. */
	public ClassifierIr(String kind, double threshold, Map<String, Object> parameters) {
		this(kind, threshold, parameters, Map.of());
	}
}
