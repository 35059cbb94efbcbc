package dev.cabin.compiler.training;

import java.util.List;

import dev.cabin.engine.nlu.softmax.SoftmaxModel;

/**
 * How much the background of unrelated speech weighs in an agent's training, chosen per agent and language. An
 * agent whose examples are templates ({@code navigate to {destination}}) loses in-scope accuracy to a heavy
 * background (its trips lie near the background's directions and taxis), an agent of free phrasings keeps it and
 * gains rejection; one weight for all costs one of them. Each candidate is judged on what the compiler may
 * measure: the out-of-fold guesses of the agent's own examples and the background's calibration lines, guessed
 * by the fold models (never the held-back lines, never a test corpus). The chosen weight makes the fewest
 * mistakes of both kinds at the boundary calibrated for it, each kind counted against what an agent may make of
 * it: in-scope examples missed, as a share of the examples, per {@link #MISSES_ALLOWED}, plus calibration lines
 * accepted, as a share of those lines, per {@link SoftmaxTraining#FALSE_ACCEPTS_TARGET}. A tie goes to the lighter
 * weight.
 */
final class BackgroundWeight {

	/** The candidates, in intents: what the background's training lines weigh together. */
	static final double[] CANDIDATES = { 0.25, 0.5, 1, 2 };
	/**
	 * The most examples of a language for which the candidates are tried: each costs a cross-validation, and an
	 * agent of thousands of examples (an imported corpus) would take minutes more to compile; it keeps the
	 * {@link #DEFAULT}, which its many examples outweigh.
	 */
	static final int MOST_EXAMPLES_TRIED = 1000;
	/** The share of in-scope requests an agent may miss (it must recognize 98%). */
	static final double MISSES_ALLOWED = 0.02;
	/** The weight when there is nothing to judge candidates on (no out-of-fold guess). */
	static final double DEFAULT = 0.5;

	/**
	 * What one candidate did on the calibration data.
	 *
	 * @param guesses the out-of-fold guess of each example, {@code null} where no fold could make one
	 * @param calibration the fold models' guesses of the background's calibration lines
	 */
	record Trial(double weight, SoftmaxModel.Guess[] guesses, List<SoftmaxModel.Guess> calibration) {
	}

	private BackgroundWeight() {
	}

	/** The trial of the chosen weight; the first when none could be judged. */
	static Trial chosen(int[] labels, List<Trial> trials) {
		Trial best = trials.get(0);
		double bestCost = Double.POSITIVE_INFINITY;
		for (Trial trial : trials) {
			double cost = cost(labels, trial);
			if (cost < bestCost - 1e-9) {
				best = trial;
				bestCost = cost;
			}
		}
		return best;
	}

	/** Missed in-scope examples plus accepted calibration lines, each against its bound; infinite when not judgeable. */
	static double cost(int[] labels, Trial trial) {
		SoftmaxTraining.Boundary boundary = SoftmaxTraining.boundary(labels, trial.guesses(), trial.calibration());
		if (boundary == null) {
			return Double.POSITIVE_INFINITY;
		}
		int inScope = 0;
		int kept = 0;
		for (int i = 0; i < labels.length; i++) {
			SoftmaxModel.Guess guess = trial.guesses()[i];
			if (guess != null && labels[i] >= 0) {
				inScope++;
				if (guess.intent() == labels[i] && boundary.accepts(guess)) {
					kept++;
				}
			}
		}
		long accepted = trial.calibration().stream().filter(boundary::accepts).count();
		double falseAccepts = trial.calibration().isEmpty() ? 0 : (double) accepted / trial.calibration().size();
		return (1 - (double) kept / inScope) / MISSES_ALLOWED + falseAccepts / SoftmaxTraining.FALSE_ACCEPTS_TARGET;
	}
}
