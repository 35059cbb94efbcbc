package dev.cabin.compiler.training;

import java.util.ArrayList;
import java.util.List;

import dev.cabin.engine.nlu.softmax.SoftmaxModel;

/**
 * The score from which the agent acts on an intent of confidence high without asking first, calibrated on the
 * same out-of-fold guesses as the out-of-scope boundaries: the least score at or above which the guesses the
 * classifier accepts (the training examples, each guessed by a model that did not see it, and the examples of
 * what is out of scope) are right at least {@value #PRECISION} of the time, and no lower than the score that
 * all but {@value #ASKED} of the correctly guessed examples reach. The second bound holds where the agent has
 * too few examples of what is out of scope to measure a precision: the least typical tenth of the ways the
 * intents are said is asked about rather than acted on, which is where the unrelated requests a small agent
 * accepts land.
 */
final class ActingBoundary {

	/** The share of accepted out-of-fold guesses above the boundary that must be right. */
	static final double PRECISION = 0.99;

	/** The share of correctly guessed examples below the boundary: paraphrases that are asked about. */
	static final double ASKED = 0.10;

	private ActingBoundary() {
	}

	/**
	 * @param labels the intent of each example, -1 for out of scope
	 * @param guesses the out-of-fold guess of each example, {@code null} where no fold could make one
	 * @param threshold the similarity below which an utterance is out of scope
	 * @param evidence the evidence below which an utterance is out of scope
	 * @return the boundary, never below {@code threshold}; {@code threshold} itself without guesses
	 */
	static double of(int[] labels, SoftmaxModel.Guess[] guesses, double threshold, double evidence) {
		List<double[]> accepted = new ArrayList<>();
		List<Double> correct = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			SoftmaxModel.Guess guess = guesses[i];
			if (guess == null || guess.outOfScopeClassWins() || guess.similarity() < threshold
					|| guess.evidence() < evidence) {
				continue;
			}
			boolean right = labels[i] >= 0 && guess.intent() == labels[i];
			accepted.add(new double[] { guess.similarity(), right ? 1 : 0 });
			if (right) {
				correct.add(guess.similarity());
			}
		}
		if (correct.isEmpty()) {
			return threshold;
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
