package dev.cabin.engine.nlu.softmax;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.IntentClassifier.Classification;
import dev.cabin.engine.nlu.Rejection;
import dev.cabin.engine.nlu.Vectors;

/**
 * The trained classifier of one language. Softmax regression over the agent's intents and one more class,
 * "out of scope", on two kinds of features: the sentence embedding (centred on the mean embedding of the
 * training examples and divided by their root-mean-square distance from it, so that it weighs about as much
 * as the n-grams) and the {@link NgramFeatures}.
 *
 * <p>The classifier must choose among the intents it knows; whether the utterance is one of them at all is
 * decided by three tests, any of which calls it out of scope: the out-of-scope class wins; the utterance's
 * embedding is less similar than {@code threshold} to the centroid of the chosen intent's examples; the
 * classifier's evidence for the intents (the log-sum-exp of their logits) is below {@code evidence}. The
 * similarity judges by the examples alone and holds up for agents with a handful of examples; the evidence
 * catches utterances of intents the agent does not have, which still resemble some intent (README,
 * "Recognition lab", has what it gains on CLINC150 domains left out of training). Where the language's background
 * of unrelated speech does not train the model, a {@link BackgroundCheck} may add a fourth test. Candidates come
 * by logit, best first; their score is the similarity.
 *
 * <p>The compiler fits the parameters ({@code dev.cabin.compiler.training}) with the same {@link #features};
 * {@link #toParameters} and {@link #fromParameters} are their form in the IR.
 */
public final class SoftmaxModel {

	/** Candidates reported per classification. */
	static final int CANDIDATES = 5;

	/**
	 * How far (a cosine) an utterance's best intent may fall short of the similarity threshold and of the
	 * background check's margin for the agent to ask whether it was meant rather than say it did not understand
	 * (the grey zone). Chosen once on the example agents' development sets and the background's calibration
	 * lines ({@code GreyZoneChoiceTest}). The out-of-scope class and the evidence have no grey zone.
	 */
	public static final double GREY_ZONE = 0.04;

	private final List<String> intents;
	private final float[] mean;
	private final double scale;
	private final float[][] centroids;
	private final NgramFeatures ngrams;
	/** One row per feature (embedding, then n-grams), one column per class (intents, then out of scope). */
	private final float[] weights;
	private final float[] bias;
	private final double threshold;
	private final double evidence;
	/** {@code null} where the language's background trains the out-of-scope class instead. */
	private final BackgroundCheck background;

	public SoftmaxModel(List<String> intents, float[] mean, double scale, float[][] centroids, NgramFeatures ngrams,
			float[] weights, float[] bias, double threshold, double evidence) {
		this(intents, mean, scale, centroids, ngrams, weights, bias, threshold, evidence, null);
	}

	private SoftmaxModel(List<String> intents, float[] mean, double scale, float[][] centroids, NgramFeatures ngrams,
			float[] weights, float[] bias, double threshold, double evidence, BackgroundCheck background) {
		this.intents = List.copyOf(intents);
		this.mean = mean;
		this.scale = scale;
		this.centroids = centroids;
		this.ngrams = ngrams;
		this.weights = weights;
		this.bias = bias;
		this.threshold = threshold;
		this.evidence = evidence;
		this.background = background;
	}

	/**
	 * This model with a fourth out-of-scope test: an utterance whose nearest background prototype is more similar
	 * to it than the nearest example of the chosen intent, by more than {@code margin}, is out of scope.
	 *
	 * @param prototypes unit-length vectors of the embedding's dimension
	 * @param examples the unit-length embeddings of the intents' examples
	 * @param exampleIntents the intent (its index in {@link #intents}) of each example
	 */
	public SoftmaxModel withBackground(float[][] prototypes, List<float[]> examples, int[] exampleIntents,
			double margin) {
		return new SoftmaxModel(intents, mean, scale, centroids, ngrams, weights, bias, threshold, evidence,
				new BackgroundCheck(rows(prototypes), rows(examples.toArray(float[][]::new)), exampleIntents,
						mean.length, margin));
	}

	private float[] rows(float[][] vectors) {
		float[] rows = new float[vectors.length * mean.length];
		for (int r = 0; r < vectors.length; r++) {
			System.arraycopy(vectors[r], 0, rows, r * mean.length, mean.length);
		}
		return rows;
	}

	int dimension() {
		return mean.length;
	}

	double threshold() {
		return threshold;
	}

	/**
	 * What the model makes of an utterance before the boundaries: its best intent, by how much the out-of-scope
	 * class's logit beats the intent's (negative where the intent wins), the similarity to the intent's examples,
	 * the evidence for the intents, and by how much the nearest background prototype is more similar than the
	 * intent's nearest example (negative infinity without a background check).
	 */
	public record Guess(int intent, double outOfScopeLead, double similarity, double evidence, double backgroundLead) {

		public boolean outOfScopeClassWins() {
			return outOfScopeLead > 0;
		}
	}

	public Guess guess(String normalized, float[] embedding) {
		return guess(logits(normalized, embedding), embedding);
	}

	private Guess guess(double[] logits, float[] embedding) {
		int best = 0;
		for (int c = 1; c < intents.size(); c++) {
			if (logits[c] > logits[best]) {
				best = c;
			}
		}
		double sum = 0;
		for (int c = 0; c < intents.size(); c++) {
			sum += Math.exp(logits[c] - logits[best]);
		}
		return new Guess(best, logits[intents.size()] - logits[best], similarity(embedding, best),
				logits[best] + Math.log(sum),
				background == null ? Double.NEGATIVE_INFINITY : background.lead(embedding, best));
	}

	/** Whether the model takes the utterance for one of its intents, by all its out-of-scope tests. */
	public boolean accepts(String normalized, float[] embedding) {
		return classify(normalized, embedding).intent() != null;
	}

	Classification classify(String normalized, float[] embedding) {
		double[] logits = logits(normalized, embedding);
		List<IntentCandidate> candidates = IntStream.range(0, intents.size()).boxed()
				.sorted(Comparator.comparingDouble((Integer c) -> logits[c]).reversed())
				.limit(CANDIDATES)
				.map(c -> new IntentCandidate(intents.get(c), similarity(embedding, c)))
				.toList();
		Guess guess = guess(logits, embedding);
		double shortfall = shortfall(guess);
		return new Classification(shortfall == 0 ? intents.get(guess.intent()) : null, candidates,
				rejection(guess, shortfall), shortfall > 0 && shortfall <= GREY_ZONE);
	}

	/** Which test turns down a guess, or {@code null} when it falls short of nothing. */
	public Rejection rejection(Guess guess) {
		return rejection(guess, shortfall(guess));
	}

	private Rejection rejection(Guess guess, double shortfall) {
		if (shortfall == 0) {
			return null;
		}
		if (guess.outOfScopeClassWins()) {
			return Rejection.OUT_OF_SCOPE_CLASS;
		}
		if (guess.evidence() < evidence) {
			return Rejection.WEAK_EVIDENCE;
		}
		return backgroundShortfall(guess) > threshold - guess.similarity() ? Rejection.UNRELATED_SPEECH
				: Rejection.BELOW_THRESHOLD;
	}

	/**
	 * How far the guess falls short of being in scope: 0 when every out-of-scope test accepts it; when only the
	 * similarity threshold or the background check rejects it, by how much (a cosine: the larger of the two
	 * shortfalls); positive infinity when the out-of-scope class wins or the evidence is too low.
	 */
	public double shortfall(Guess guess) {
		if (guess.outOfScopeClassWins() || guess.evidence() < evidence) {
			return Double.POSITIVE_INFINITY;
		}
		return Math.max(0, Math.max(threshold - guess.similarity(), backgroundShortfall(guess)));
	}

	private double backgroundShortfall(Guess guess) {
		return background == null ? 0 : guess.backgroundLead() - background.margin();
	}

	private double similarity(float[] embedding, int intent) {
		return Vectors.dot(embedding, centroids[intent]);
	}

	private double[] logits(String normalized, float[] embedding) {
		double[] logits = new double[intents.size() + 1];
		logits(features(normalized, embedding), weights, bias, logits);
		return logits;
	}

	private SparseVector features(String normalized, float[] embedding) {
		return features(normalized, embedding, mean, scale, ngrams);
	}

	/** The features of an utterance: its embedding centred and scaled, then its n-grams. */
	public static SparseVector features(String normalized, float[] embedding, float[] mean, double scale,
			NgramFeatures ngrams) {
		SparseVector words = ngrams.vector(normalized, mean.length);
		int[] indices = new int[mean.length + words.indices().length];
		float[] values = new float[indices.length];
		for (int d = 0; d < mean.length; d++) {
			indices[d] = d;
			values[d] = (float) ((embedding[d] - mean[d]) / scale);
		}
		System.arraycopy(words.indices(), 0, indices, mean.length, words.indices().length);
		System.arraycopy(words.values(), 0, values, mean.length, words.values().length);
		return new SparseVector(indices, values);
	}

	/** {@code logits = x · weights + bias}, weights stored row by row, one row per feature. */
	private static void logits(SparseVector x, float[] weights, float[] bias, double[] logits) {
		int classes = logits.length;
		for (int c = 0; c < classes; c++) {
			logits[c] = bias[c];
		}
		for (int i = 0; i < x.indices().length; i++) {
			int row = x.indices()[i] * classes;
			double value = x.values()[i];
			for (int c = 0; c < classes; c++) {
				logits[c] += value * weights[row + c];
			}
		}
	}

	/* ------------------------------------------------------------------ the IR's parameters */

	public Map<String, Object> toParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("intents", intents);
		parameters.put("threshold", threshold);
		parameters.put("evidence", evidence);
		parameters.put("mean", base64(mean));
		parameters.put("scale", scale);
		float[] flat = new float[centroids.length * mean.length];
		for (int c = 0; c < centroids.length; c++) {
			System.arraycopy(centroids[c], 0, flat, c * mean.length, mean.length);
		}
		parameters.put("centroids", base64(flat));
		parameters.put("wordWeight", ngrams.wordWeight());
		parameters.put("charWeight", ngrams.charWeight());
		parameters.put("ngrams", ngrams.vocabulary());
		parameters.put("idf", base64(ngrams.idf()));
		parameters.put("weights", base64(weights));
		parameters.put("bias", base64(bias));
		if (background != null) {
			background.putParameters(parameters);
		}
		return parameters;
	}

	static SoftmaxModel fromParameters(String language, Object value) throws IrFormatException {
		if (!(value instanceof Map<?, ?> parameters)) {
			throw corrupt(language, "is not an object");
		}
		List<String> intents = strings(language, parameters, "intents");
		List<String> vocabulary = strings(language, parameters, "ngrams");
		float[] mean = floats(language, parameters, "mean", -1);
		int dimension = mean.length;
		int classes = intents.size() + 1;
		float[] flat = floats(language, parameters, "centroids", intents.size() * dimension);
		float[][] centroids = new float[intents.size()][];
		for (int c = 0; c < centroids.length; c++) {
			centroids[c] = Arrays.copyOfRange(flat, c * dimension, (c + 1) * dimension);
		}
		NgramFeatures ngrams = new NgramFeatures(vocabulary, floats(language, parameters, "idf", vocabulary.size()),
				number(language, parameters, "wordWeight"), number(language, parameters, "charWeight"));
		return new SoftmaxModel(intents, mean, number(language, parameters, "scale"), centroids, ngrams,
				floats(language, parameters, "weights", (dimension + vocabulary.size()) * classes),
				floats(language, parameters, "bias", classes), number(language, parameters, "threshold"),
				number(language, parameters, "evidence"), BackgroundCheck.fromParameters(language, parameters, dimension,
						intents.size()));
	}

	/*
	 * Float32, unlike the IR's float16 example embeddings: weights, IDF and the centring mean are not unit vectors
	 * and the calibrated boundaries were measured at this precision.
	 */
	static String base64(float[] values) {
		ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(values);
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	static float[] floats(String language, Map<?, ?> parameters, String key, int expectedLength)
			throws IrFormatException {
		if (!(parameters.get(key) instanceof String text)) {
			throw corrupt(language, "has no " + key);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(text);
		} catch (IllegalArgumentException e) {
			throw corrupt(language, key + " is not base64");
		}
		if (bytes.length % Float.BYTES != 0
				|| (expectedLength >= 0 && bytes.length != expectedLength * Float.BYTES)) {
			throw corrupt(language, key + " has " + bytes.length / Float.BYTES + " numbers instead of " + expectedLength);
		}
		float[] values = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return values;
	}

	static double number(String language, Map<?, ?> parameters, String key) throws IrFormatException {
		if (!(parameters.get(key) instanceof Number number)) {
			throw corrupt(language, "has no number " + key);
		}
		return number.doubleValue();
	}

	private static List<String> strings(String language, Map<?, ?> parameters, String key) throws IrFormatException {
		if (!(parameters.get(key) instanceof List<?> list)) {
			throw corrupt(language, "has no list " + key);
		}
		List<String> strings = new ArrayList<>(list.size());
		for (Object item : list) {
			if (!(item instanceof String string)) {
				throw corrupt(language, key + " holds something other than text");
			}
			strings.add(string);
		}
		return strings;
	}

	static IrFormatException corrupt(String language, String what) {
		return new IrFormatException("corrupt Cabin IR: the softmax classifier of language \"" + language + "\" "
				+ what);
	}
}
