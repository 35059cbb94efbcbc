package dev.cabin.compiler.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.nlu.softmax.SoftmaxModel;

/**
 * The score from which the agent acts on an intent of confidence high without asking first, one per intent,
 * calibrated on the same out-of-fold guesses as the out-of-scope boundaries: the least score at or above which the
 * guesses the classifier takes for the intent (its training examples and those of the other intents and of what
 * is out of scope, each guessed by a model that did not see it) are right at least {@value #PRECISION} of the
 * time, and no lower than the score that all but {@value #ASKED} of the intent's correctly guessed examples
 * reach. The second bound holds where the agent has too few examples of what is out of scope to measure a
 * precision: the least typical tenth of the ways the intent is said is asked about rather than acted on, which is
 * where the unrelated requests a small agent accepts land. Per intent, because intents differ: one that another
 * intent or unrelated speech resembles needs a higher score to be sure of than one that nothing resembles, and a
 * single boundary asks about the second as often as about the first. An intent with no correctly guessed example
 * gets the boundary of all the intents' guesses together.
 */
final class ActingBoundary {

	/** The share of accepted out-of-fold guesses above the boundary that must be right. */
	static final double PRECISION = 0.99;

	/** The share of correctly guessed examples below the boundary: paraphrases that are asked about. */
	static final double ASKED = 0.10;

	private ActingBoundary() {
	}

	/**
	 * @param intents the intents' names, by index
	 * @param labels the intent of each example, -1 for out of scope
	 * @param guesses the out-of-fold guess of each example, {@code null} where no fold could make one
	 * @param threshold the similarity below which an utterance is out of scope
	 * @param evidence the evidence below which an utterance is out of scope
	 * @return per intent name, the boundary, never below {@code threshold}; {@code threshold} itself without
	 *         guesses
	 */
	static Map<String, Double> of(List<String> intents, int[] labels, SoftmaxModel.Guess[] guesses, double threshold,
			double evidence) {
		double together = boundary(labels, guesses, threshold, evidence, -1);
		Map<String, Double> boundaries = new LinkedHashMap<>();
		for (int intent = 0; intent < intents.size(); intent++) {
			double own = boundary(labels, guesses, threshold, evidence, intent);
			boundaries.put(intents.get(intent), Double.isNaN(own) ? together : own);
		}
		return boundaries;
	}

	/**
	 * The boundary of the guesses taken for one intent, or for any ({@code -1}). Without a correctly guessed
	 * example: NaN for one intent, {@code threshold} for any.
	 */
	private static double boundary(int[] labels, SoftmaxModel.Guess[] guesses, double threshold, double evidence,
			int intent) {
		List<double[]> accepted = new ArrayList<>();
		List<Double> correct = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			SoftmaxModel.Guess guess = guesses[i];
			if (guess == null || guess.outOfScopeClassWins() || guess.similarity() < threshold
					|| guess.evidence() < evidence || intent >= 0 && guess.intent() != intent) {
				continue;
			}
			boolean right = labels[i] >= 0 && guess.intent() == labels[i];
			accepted.add(new double[] { guess.similarity(), right ? 1 : 0 });
			if (right) {
				correct.add(guess.similarity());
			}
		}
		if (correct.isEmpty()) {
			return intent >= 0 ? Double.NaN : threshold;
		}
		correct.sort(null);
		double typical = correct.get((int) Math.floor(ASKED * correct.size()));
		return Math.max(threshold, Math.max(typical, precise(accepted)));
	}

	/** The least similarity from which the accepted guesses are right at least {@link #PRECISION} of the time. */
	private static double precise(List<double[]> accepted) {
		accepted.sort((a, b) -> Double.compare(b[0], a[0]));
		double boundary = Double.POSITIVE_INFINITY;
		int right = 0;
		for (int k = 0; k < accepted.size(); k++) {
			right += (int) accepted.get(k)[1];
			if (right >= PRECISION * (k + 1)) {
				boundary = accepted.get(k)[0];
			}
		}
		return boundary == Double.POSITIVE_INFINITY ? accepted.get(0)[0] : boundary;
	}
}
