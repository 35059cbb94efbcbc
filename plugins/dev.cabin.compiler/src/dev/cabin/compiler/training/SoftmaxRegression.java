package dev.cabin.compiler.training;

import java.util.List;
import java.util.Random;

import dev.cabin.engine.nlu.softmax.SparseVector;

/**
 * Fits multinomial logistic regression by per-sample stochastic gradient descent: a seeded shuffle each
 * epoch, a learning rate that falls linearly from {@link #LEARNING_RATE} to almost nothing, and L2 weight
 * decay. The decay multiplies every weight at every step; it is kept as one global factor so that a step
 * costs only the sample's non-zero features. The same data and seed give the same weights.
 */
final class SoftmaxRegression {

	static final double LEARNING_RATE = 1.0;
	static final double L2 = 1e-5;
	static final long SEED = 42;

	/** Sample visits over the whole fit: small agents get more epochs, large corpora fewer. */
	static final int SAMPLE_VISITS = 60_000;
	static final int MIN_EPOCHS = 10;
	static final int MAX_EPOCHS = 100;

	/** The weights, one row of {@code classes} per feature, and the bias of each class. */
	record Fit(float[] weights, float[] bias) {
	}

	private SoftmaxRegression() {
	}

	static int epochs(int samples) {
		return (int) Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.ceil((double) SAMPLE_VISITS / samples)));
	}

	/**
	 * @param labels the class of each sample
	 * @param sampleWeights how much each sample counts
	 */
	static Fit fit(List<SparseVector> samples, int[] labels, double[] sampleWeights, int classes, int features) {
		float[] weights = new float[features * classes];
		double[] bias = new double[classes];
		int n = samples.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Random random = new Random(SEED);
		int epochs = epochs(n);
		long steps = (long) epochs * n;
		long step = 0;
		double decay = 1.0;
		double[] gradient = new double[classes];
		for (int epoch = 0; epoch < epochs; epoch++) {
			shuffle(order, random);
			for (int k = 0; k < n; k++, step++) {
				int sample = order[k];
				double rate = LEARNING_RATE * (1.0 - (double) step / steps) + 1e-4 * LEARNING_RATE;
				SparseVector x = samples.get(sample);
				scaledLogits(x, weights, bias, decay, gradient);
				softmax(gradient);
				gradient[labels[sample]] -= 1.0;
				for (int c = 0; c < classes; c++) {
					gradient[c] *= sampleWeights[sample];
				}
				decay *= 1.0 - rate * L2;
				double factor = rate / decay;
				for (int i = 0; i < x.indices().length; i++) {
					int row = x.indices()[i] * classes;
					double value = x.values()[i] * factor;
					for (int c = 0; c < classes; c++) {
						weights[row + c] -= (float) (value * gradient[c]);
					}
				}
				for (int c = 0; c < classes; c++) {
					bias[c] -= rate * gradient[c];
				}
				if (decay < 1e-3) {
					applyDecay(weights, decay);
					decay = 1.0;
				}
			}
		}
		applyDecay(weights, decay);
		float[] biasOut = new float[classes];
		for (int c = 0; c < classes; c++) {
			biasOut[c] = (float) bias[c];
		}
		return new Fit(weights, biasOut);
	}

	/** The logits with the pending decay applied to the weights (not to the bias). */
	private static void scaledLogits(SparseVector x, float[] weights, double[] bias, double decay, double[] logits) {
		int classes = logits.length;
		double[] sums = new double[classes];
		for (int i = 0; i < x.indices().length; i++) {
			int row = x.indices()[i] * classes;
			double value = x.values()[i];
			for (int c = 0; c < classes; c++) {
				sums[c] += value * weights[row + c];
			}
		}
		for (int c = 0; c < classes; c++) {
			logits[c] = decay * sums[c] + bias[c];
		}
	}

	/** The softmax of the logits, in place. */
	static double[] softmax(double[] logits) {
		double max = Double.NEGATIVE_INFINITY;
		for (double logit : logits) {
			max = Math.max(max, logit);
		}
		double sum = 0;
		for (int c = 0; c < logits.length; c++) {
			logits[c] = Math.exp(logits[c] - max);
			sum += logits[c];
		}
		for (int c = 0; c < logits.length; c++) {
			logits[c] /= sum;
		}
		return logits;
	}

	private static void applyDecay(float[] weights, double decay) {
		for (int i = 0; i < weights.length; i++) {
			weights[i] *= (float) decay;
		}
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
	}
}
