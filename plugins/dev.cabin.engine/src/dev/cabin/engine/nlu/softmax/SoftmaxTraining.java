package dev.cabin.engine.nlu.softmax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.Vectors;

/**
 * Trains an agent's {@link SoftmaxClassifier} at compile time, one model per language, from the example
 * utterances of its intents and from examples of what it must not handle (out of scope).
 *
 * <p>The out-of-scope threshold is calibrated on the training data alone, by 5-fold cross-validation: every
 * example is classified by a model that did not see it, and the threshold is the highest similarity that
 * costs at most one point of in-scope accuracy on those out-of-fold guesses. Examples of out-of-scope
 * utterances train the out-of-scope class, weighted so that together they count as much as one intent.
 */
public final class SoftmaxTraining {

	static final double WORD_WEIGHT = 0.5;
	static final double CHAR_WEIGHT = 0.5;
	static final int FOLDS = 5;

	/** The in-scope accuracy (a share) that the threshold may cost on the out-of-fold guesses. */
	static final double ACCURACY_TRADED = 0.01;

	/**
	 * The threshold when cross-validation cannot say (every intent has a single example): about what it says
	 * for BGE small on real corpora.
	 */
	static final double UNCALIBRATED_THRESHOLD = 0.7;

	/**
	 * One training utterance.
	 *
	 * @param intent its intent, or {@code null} for an example of what is out of scope
	 * @param normalized the utterance as the engine compares it ({@code TextNormalizer})
	 * @param embedding its unit-length sentence embedding
	 */
	public record Example(Language language, String intent, String normalized, float[] embedding) {
	}

	private SoftmaxTraining() {
	}

	/**
	 * @param primary the language whose threshold the IR names as the classifier's (the agent's first locale's)
	 * @param fixedThreshold the threshold the author chose for every language, or {@code null} to calibrate
	 * @param progress told after each of the {@value #FOLDS} + 1 fits per language; called from several threads
	 */
	public static ClassifierIr train(List<Example> examples, Language primary, Double fixedThreshold,
			Progress progress) {
		Map<Language, LanguageData> languages = new EnumMap<>(Language.class);
		for (Example example : examples) {
			languages.computeIfAbsent(example.language(), l -> new LanguageData()).add(example);
		}
		languages.values().removeIf(data -> data.intents.isEmpty());
		record Task(Language language, int fold) {
		}
		List<Task> tasks = new ArrayList<>();
		for (Language language : languages.keySet()) {
			for (int fold = 0; fold <= FOLDS; fold++) {
				tasks.add(new Task(language, fold));
			}
		}
		AtomicInteger done = new AtomicInteger();
		String task = "training the intent classifier";
		progress.report(task, 0, tasks.size());
		Map<Language, SoftmaxModel> models = new EnumMap<>(Language.class);
		Map<Language, SoftmaxModel.Guess[]> guesses = new EnumMap<>(Language.class);
		languages.forEach((language, data) -> guesses.put(language, new SoftmaxModel.Guess[data.size()]));
		tasks.parallelStream().forEach(t -> {
			LanguageData data = languages.get(t.language());
			if (t.fold() == FOLDS) {
				SoftmaxModel model = data.fit(data.all(), true);
				synchronized (models) {
					models.put(t.language(), model);
				}
			} else {
				data.guessOutOfFold(t.fold(), guesses.get(t.language()));
			}
			progress.report(task, done.incrementAndGet(), tasks.size());
		});
		Map<String, Object> parameters = new LinkedHashMap<>();
		Map<Language, Double> thresholds = new EnumMap<>(Language.class);
		languages.forEach((language, data) -> {
			double threshold = fixedThreshold != null ? fixedThreshold : threshold(data.labels(), guesses.get(language));
			parameters.put(language.code(), models.get(language).withThreshold(threshold).toParameters());
			thresholds.put(language, threshold);
		});
		double reported = thresholds.getOrDefault(primary, thresholds.values().stream().findFirst()
				.orElse(fixedThreshold != null ? fixedThreshold : UNCALIBRATED_THRESHOLD));
		return new ClassifierIr(SoftmaxClassifier.KIND, reported, parameters);
	}

	/**
	 * The highest similarity threshold whose in-scope accuracy on the out-of-fold guesses is at most
	 * {@link #ACCURACY_TRADED} below the accuracy without a threshold.
	 *
	 * @param labels the intent of each sample, -1 for out of scope
	 * @param guesses the out-of-fold guess of each sample, {@code null} where no fold could make one
	 */
	static double threshold(int[] labels, SoftmaxModel.Guess[] guesses) {
		List<Double> correct = new ArrayList<>();
		List<Double> candidates = new ArrayList<>();
		int inScope = 0;
		for (int i = 0; i < labels.length; i++) {
			SoftmaxModel.Guess guess = guesses[i];
			if (guess == null || guess.outOfScopeClassWins()) {
				inScope += guess != null && labels[i] >= 0 ? 1 : 0;
				continue;
			}
			candidates.add(guess.similarity());
			if (labels[i] >= 0) {
				inScope++;
				if (guess.intent() == labels[i]) {
					correct.add(guess.similarity());
				}
			}
		}
		if (inScope == 0 || candidates.isEmpty()) {
			return UNCALIBRATED_THRESHOLD;
		}
		double[] sorted = correct.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double allowed = sorted.length - ACCURACY_TRADED * inScope;
		double best = Double.NEGATIVE_INFINITY;
		for (double candidate : candidates) {
			if (candidate > best && sorted.length - firstAtLeast(sorted, candidate) >= allowed - 1e-9) {
				best = candidate;
			}
		}
		return best;
	}

	/** The index of the first value at least {@code key} in ascending values (their length if none). */
	private static int firstAtLeast(double[] ascending, double key) {
		int low = 0;
		int high = ascending.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (ascending[middle] < key) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}

	/** The examples of one language, in the order given. */
	private static final class LanguageData {
		private final List<String> intents = new ArrayList<>();
		private final Map<String, Integer> intentIndex = new HashMap<>();
		private final List<Example> examples = new ArrayList<>();
		private final List<Integer> labels = new ArrayList<>();

		void add(Example example) {
			int label = -1;
			if (example.intent() != null) {
				label = intentIndex.computeIfAbsent(example.intent(), name -> {
					intents.add(name);
					return intents.size() - 1;
				});
			}
			examples.add(example);
			labels.add(label);
		}

		int size() {
			return examples.size();
		}

		int[] labels() {
			return labels.stream().mapToInt(Integer::intValue).toArray();
		}

		int[] all() {
			int[] all = new int[size()];
			Arrays.setAll(all, i -> i);
			return all;
		}

		/** Stratified folds: the k-th example of each intent (and of out of scope) goes to fold k mod 5. */
		int[] folds() {
			int[] folds = new int[size()];
			Map<Integer, Integer> seen = new HashMap<>();
			for (int i = 0; i < size(); i++) {
				folds[i] = seen.merge(labels.get(i), 1, Integer::sum) - 1;
				folds[i] %= FOLDS;
			}
			return folds;
		}

		/**
		 * Fills in the guesses of a model fitted without the fold for the examples of the fold (each fold writes
		 * only its own elements).
		 */
		void guessOutOfFold(int fold, SoftmaxModel.Guess[] guesses) {
			int[] folds = folds();
			int[] fitted = Arrays.stream(all()).filter(i -> folds[i] != fold).toArray();
			if (Arrays.stream(fitted).noneMatch(i -> labels.get(i) >= 0)) {
				return;
			}
			SoftmaxModel model = fit(fitted, false);
			for (int i = 0; i < size(); i++) {
				if (folds[i] == fold) {
					guesses[i] = model.guess(examples.get(i).normalized(), examples.get(i).embedding());
				}
			}
		}

		/** A model of the given examples, with no threshold yet. */
		SoftmaxModel fit(int[] indices, boolean keepOutOfScopeTexts) {
			int dimension = examples.get(indices[0]).embedding().length;
			float[] mean = new float[dimension];
			float[][] centroids = new float[intents.size()][dimension];
			int inScope = 0;
			for (int i : indices) {
				if (labels.get(i) >= 0) {
					inScope++;
					float[] embedding = examples.get(i).embedding();
					for (int d = 0; d < dimension; d++) {
						mean[d] += embedding[d];
						centroids[labels.get(i)][d] += embedding[d];
					}
				}
			}
			for (int d = 0; d < dimension; d++) {
				mean[d] /= inScope;
			}
			for (int c = 0; c < centroids.length; c++) {
				centroids[c] = Vectors.normalized(centroids[c]);
			}
			double squares = 0;
			for (int i : indices) {
				if (labels.get(i) >= 0) {
					float[] embedding = examples.get(i).embedding();
					for (int d = 0; d < dimension; d++) {
						double centred = embedding[d] - mean[d];
						squares += centred * centred;
					}
				}
			}
			double scale = squares > 0 ? Math.sqrt(squares / inScope) : 1.0;
			List<String> texts = new ArrayList<>();
			for (int i : indices) {
				texts.add(examples.get(i).normalized());
			}
			NgramFeatures ngrams = NgramFeatures.fit(texts, WORD_WEIGHT, CHAR_WEIGHT);
			int outOfScope = indices.length - inScope;
			double outOfScopeWeight = outOfScope == 0 ? 1 : (double) inScope / intents.size() / outOfScope;
			List<SparseVector> samples = new ArrayList<>(indices.length);
			int[] classes = new int[indices.length];
			double[] weights = new double[indices.length];
			for (int k = 0; k < indices.length; k++) {
				Example example = examples.get(indices[k]);
				int label = labels.get(indices[k]);
				samples.add(SoftmaxModel.features(example.normalized(), example.embedding(), mean, scale, ngrams));
				classes[k] = label >= 0 ? label : intents.size();
				weights[k] = label >= 0 ? 1 : outOfScopeWeight;
			}
			SoftmaxRegression.Fit fit = SoftmaxRegression.fit(samples, classes, weights, intents.size() + 1,
					dimension + ngrams.size());
			List<String> outOfScopeTexts = new ArrayList<>();
			if (keepOutOfScopeTexts) {
				for (int i : indices) {
					if (labels.get(i) < 0) {
						outOfScopeTexts.add(examples.get(i).normalized());
					}
				}
			}
			return new SoftmaxModel(intents, mean, scale, centroids, ngrams, fit.weights(), fit.bias(),
					Double.NEGATIVE_INFINITY, outOfScopeTexts);
		}
	}
}
