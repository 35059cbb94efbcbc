package dev.cabin.compiler.training;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import dev.cabin.engine.nlu.Vectors;

/**
 * A few hundred prototypes of the background's training lines of a language that does not train the classifier,
 * for the engine's background check ({@code BackgroundCheck}): the unit-length means of clusters of their
 * embeddings, found by spherical k-means. Prototypes rather than the lines keep the IR and the turn small (256
 * vectors instead of about 2,000) while covering every topic of the background.
 */
final class BackgroundPrototypes {

	/** At most this many prototypes. */
	static final int MOST = 256;
	/** Lines per prototype at least, so that a prototype is a topic rather than one line. */
	static final int LEAST_LINES = 4;
	static final int ITERATIONS = 15;

	/**
	 * How much nearer a prototype may be to an utterance than the chosen intent's nearest example before it is out
	 * of scope: the most lenient margin at which the example agents together accept under 1% of the background's
	 * calibration lines and none more than 1% (the builder's warning), at a cost of 4 of the 160 Chinese development
	 * lines ({@code examples/NAME/dev-zh.jsonl}) their classifiers recognize without the check; never
	 * chosen on a paraphrase corpus or the held-back lines ({@code BackgroundMarginChoiceTest} repeats the choice).
	 */
	static final double MARGIN = 0.03;

	private BackgroundPrototypes() {
	}

	/**
	 * @param lines unit-length embeddings of the lines
	 * @return unit-length prototypes, in a deterministic order; none without lines
	 */
	static float[][] of(List<float[]> lines) {
		int k = Math.min(MOST, lines.size() / LEAST_LINES);
		if (k == 0) {
			return new float[0][];
		}
		float[][] prototypes = seeds(lines, k);
		int[] assigned = new int[lines.size()];
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			float[][] current = prototypes;
			IntStream.range(0, lines.size()).parallel().forEach(i -> assigned[i] = nearest(lines.get(i), current));
			float[][] sums = new float[k][lines.get(0).length];
			for (int i = 0; i < lines.size(); i++) {
				float[] line = lines.get(i);
				float[] sum = sums[assigned[i]];
				for (int d = 0; d < line.length; d++) {
					sum[d] += line[d];
				}
			}
			float[][] next = new float[k][];
			for (int c = 0; c < k; c++) {
				// a cluster left empty keeps its prototype
				next[c] = Vectors.dot(sums[c], sums[c]) == 0 ? current[c] : Vectors.normalized(sums[c]);
			}
			prototypes = next;
		}
		return prototypes;
	}

	/** k-means++ seeding with a fixed seed: the same lines give the same prototypes on every machine. */
	private static float[][] seeds(List<float[]> lines, int k) {
		Random random = new Random(1);
		float[][] seeds = new float[k][];
		seeds[0] = lines.get(random.nextInt(lines.size()));
		double[] distance = new double[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			distance[i] = 1 - Vectors.dot(lines.get(i), seeds[0]);
		}
		for (int c = 1; c < k; c++) {
			double total = 0;
			for (double d : distance) {
				total += Math.max(d, 0);
			}
			double pick = random.nextDouble() * total;
			int chosen = lines.size() - 1;
			for (int i = 0; i < lines.size(); i++) {
				pick -= Math.max(distance[i], 0);
				if (pick <= 0) {
					chosen = i;
					break;
				}
			}
			seeds[c] = lines.get(chosen);
			for (int i = 0; i < lines.size(); i++) {
				distance[i] = Math.min(distance[i], 1 - Vectors.dot(lines.get(i), seeds[c]));
			}
		}
		return seeds;
	}

	private static int nearest(float[] line, float[][] prototypes) {
		int best = 0;
		float bestSimilarity = Float.NEGATIVE_INFINITY;
		for (int c = 0; c < prototypes.length; c++) {
			float similarity = Vectors.dot(line, prototypes[c]);
			if (similarity > bestSimilarity) {
				bestSimilarity = similarity;
				best = c;
			}
		}
		return best;
	}
}
