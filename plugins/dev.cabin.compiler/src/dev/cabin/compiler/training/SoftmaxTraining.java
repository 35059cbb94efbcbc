package dev.cabin.compiler.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.engine.nlu.softmax.NgramFeatures;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;
import dev.cabin.engine.nlu.softmax.SoftmaxModel;
import dev.cabin.engine.nlu.softmax.SparseVector;

/**
 * Trains an agent's {@link SoftmaxClassifier} at compile time, one model per language, from the example
 * utterances of its intents and from examples of what it must not handle (out of scope): the author's, and lines
 * of the background of unrelated speech that the toolchain ships ({@link Background}).
 *
 * <p>The out-of-scope boundaries (similarity and evidence, see {@link SoftmaxModel}) are calibrated on data the
 * models did not train on. Every example is classified by a model that did not see it (5-fold cross-validation),
 * and the boundaries are raised together, quantile by quantile of the correctly classified examples, as long as
 * they cost at most {@link #ACCURACY_TRADED} of in-scope accuracy on those out-of-fold guesses; then further, up
 * to {@link #MAX_ACCURACY_TRADED}, while the share of the calibration lines of the background (never trained on)
 * that the model accepts is above {@link #FALSE_ACCEPTS_TARGET}. The author's out-of-scope examples train the
 * out-of-scope class weighted so that together they count as much as one intent, the background's with the
 * weight {@link BackgroundWeight} chooses per language from the out-of-fold guesses. The background's training lines
 * of a language that does not train ({@link #TRAINING_LANGUAGES}) become the {@link BackgroundPrototypes} of the
 * engine's background check instead, added on top of the calibrated boundaries.
 */
public final class SoftmaxTraining {

	static final double WORD_WEIGHT = 0.5;
	static final double CHAR_WEIGHT = 0.5;
	static final int FOLDS = 5;

	/** The in-scope accuracy (a share) that the threshold may cost on the out-of-fold guesses. */
	static final double ACCURACY_TRADED = 0.01;
	/** What it may cost at most to bring the false accepts on the background's calibration lines to the target. */
	static final double MAX_ACCURACY_TRADED = 0.03;
	/** The share of the background's calibration lines an agent may accept. */
	static final double FALSE_ACCEPTS_TARGET = 0.005;
	/**
	 * The key, in a language's classifier parameters, of how many of the background's calibration lines the
	 * classifier accepts ({@code lines}, {@code accepted}): what the toolchain warns about; the engine ignores it.
	 */
	public static final String CALIBRATION_KEY = "backgroundCalibration";

	/**
	 * The languages whose background lines train; the others' calibrate only. The Chinese background's 2,000
	 * training lines, at the weight the cross-validation chose, made car-genius reject a fifth of its Chinese
	 * paraphrases (97.5% -> 78.8%; 80.0% with the background's n-grams left out): its four or five examples per
	 * intent say each thing nearly alike, so the out-of-fold guesses do not show what a paraphrase loses.
	 */
	static final Set<Language> TRAINING_LANGUAGES = EnumSet.of(Language.EN);

	/**
	 * The key, in a language's classifier parameters, of the weight the background's training lines were given
	 * ({@link BackgroundWeight}, in intents), for the reports; the engine ignores it.
	 */
	public static final String WEIGHT_KEY = "backgroundWeight";

	/**
	 * One training utterance.
	 *
	 * @param intent its intent, or {@code null} for an example of what is out of scope
	 * @param normalized the utterance as the engine compares it ({@code TextNormalizer})
	 * @param embedding its unit-length sentence embedding
	 */
	public record Example(Language language, String intent, String normalized, float[] embedding) {
	}

	/**
	 * Lines of the background of unrelated speech, embedded, with the agent's own domain left out.
	 *
	 * @param negatives train the out-of-scope class
	 * @param calibration set the boundaries; never trained on
	 */
	public record Background(List<Example> negatives, List<Example> calibration) {
		/** No background: the boundaries come from the in-scope examples alone. */
		public static final Background NONE = new Background(List.of(), List.of());
	}

	private SoftmaxTraining() {
	}

	/**
	 * @param primary the language whose threshold the IR names as the classifier's (the agent's first locale's)
	 * @param threshold the similarity below which utterances are out of scope, the author's, or {@code null} to
	 *        calibrate it
	 * @param progress told after each fit ({@value #FOLDS} per background weight tried, and the final one, per
	 *        language); called from several threads
	 */
	public static ClassifierIr train(List<Example> examples, Background background, Language primary,
			Double threshold, Progress progress) {
		Map<Language, LanguageData> languages = new EnumMap<>(Language.class);
		for (Example example : examples) {
			languages.computeIfAbsent(example.language(), l -> new LanguageData()).add(example);
		}
		languages.values().removeIf(data -> data.intents.isEmpty());
		for (Language language : languages.keySet()) {
			List<Example> negatives = background.negatives().stream().filter(line -> line.language() == language)
					.toList();
			if (TRAINING_LANGUAGES.contains(language)) {
				languages.get(language).background.addAll(negatives);
			} else {
				languages.get(language).untrained.addAll(negatives);
			}
			background.calibration().stream().filter(line -> line.language() == language)
					.forEach(languages.get(language).calibration::add);
		}
		record Task(Language language, int weight, int fold) {
		}
		List<Task> tasks = new ArrayList<>();
		languages.forEach((language, data) -> {
			for (int weight = 0; weight < data.weights().length; weight++) {
				for (int fold = 0; fold < FOLDS; fold++) {
					tasks.add(new Task(language, weight, fold));
				}
			}
		});
		AtomicInteger done = new AtomicInteger();
		String task = "training the intent classifier";
		int fits = tasks.size() + languages.size();
		progress.report(task, 0, fits);
		Map<Language, List<BackgroundWeight.Trial>> trials = new EnumMap<>(Language.class);
		languages.forEach((language, data) -> {
			List<BackgroundWeight.Trial> perWeight = new ArrayList<>();
			for (double weight : data.weights()) {
				perWeight.add(new BackgroundWeight.Trial(weight, new SoftmaxModel.Guess[data.size()],
						Arrays.asList(new SoftmaxModel.Guess[data.calibration.size()])));
			}
			trials.put(language, perWeight);
		});
		tasks.parallelStream().forEach(t -> {
			BackgroundWeight.Trial trial = trials.get(t.language()).get(t.weight());
			languages.get(t.language()).guessOutOfFold(t.fold(), trial);
			progress.report(task, done.incrementAndGet(), fits);
		});
		Map<Language, BackgroundWeight.Trial> chosen = new EnumMap<>(Language.class);
		languages.forEach((language, data) -> chosen.put(language,
				BackgroundWeight.chosen(data.labels(), trials.get(language))));
		Map<Language, Fitted> models = new EnumMap<>(Language.class);
		languages.keySet().parallelStream().forEach(language -> {
			Fitted model = languages.get(language).fit(languages.get(language).all(),
					chosen.get(language).weight());
			synchronized (models) {
				models.put(language, model);
			}
			progress.report(task, done.incrementAndGet(), fits);
		});
		Map<String, Object> parameters = new LinkedHashMap<>();
		Map<Language, Double> thresholds = new EnumMap<>(Language.class);
		Map<String, Map<String, Double>> acting = new LinkedHashMap<>();
		languages.forEach((language, data) -> {
			Fitted model = models.get(language);
			SoftmaxModel.Guess[] guesses = chosen.get(language).guesses();
			List<SoftmaxModel.Guess> calibration = data.calibration.stream()
					.map(line -> model.unbounded().guess(line.normalized(), line.embedding())).toList();
			Boundary boundary = boundary(data.labels(), guesses, calibration);
			if (boundary == null) {
				boundary = leastTypical(model.unbounded(), data);
			}
			double similarity = threshold != null ? threshold : boundary.similarity();
			SoftmaxModel bounded = withBackgroundCheck(model.bounded(similarity, boundary.evidence()), data);
			Map<String, Object> languageParameters = bounded.toParameters();
			long accepted = data.calibration.stream()
					.filter(line -> bounded.accepts(line.normalized(), line.embedding())).count();
			languageParameters.put(CALIBRATION_KEY, Map.of("lines", calibration.size(), "accepted", accepted));
			thresholds.put(language, similarity);
			if (!data.background.isEmpty()) {
				languageParameters.put(WEIGHT_KEY, chosen.get(language).weight());
			}
			parameters.put(language.code(), languageParameters);
			acting.put(language.code(), ActingBoundary.of(data.intents, data.labels(), guesses, similarity,
					boundary.evidence()));
		});
		double reported = thresholds.containsKey(primary) ? thresholds.get(primary)
				: thresholds.values().stream().findFirst().orElse(threshold != null ? threshold : 0.0);
		return new ClassifierIr(SoftmaxClassifier.KIND, reported, parameters, acting);
	}

	/**
	 * The model with the background check where the language's background lines do not train it: their
	 * prototypes, and the examples of each intent to compare them with.
	 */
	private static SoftmaxModel withBackgroundCheck(SoftmaxModel model, LanguageData data) {
		float[][] prototypes = BackgroundPrototypes.of(data.untrained.stream().map(Example::embedding).toList());
		if (prototypes.length == 0) {
			return model;
		}
		List<Integer> inScope = data.inScope();
		return model.withBackground(prototypes, inScope.stream().map(i -> data.examples.get(i).embedding()).toList(),
				inScope.stream().mapToInt(data.labels::get).toArray(), BackgroundPrototypes.MARGIN);
	}

	/** Where an utterance stops being in scope: its least similarity and its least evidence. */
	record Boundary(double similarity, double evidence) {

		boolean accepts(SoftmaxModel.Guess guess) {
			return !guess.outOfScopeClassWins() && guess.similarity() >= similarity && guess.evidence() >= evidence;
		}
	}

	/**
	 * The boundary from the out-of-fold guesses: for a share q, the q-quantile of the similarity and of the
	 * evidence of the correctly classified examples; the highest q that costs at most {@link #ACCURACY_TRADED} of
	 * in-scope accuracy against no boundary, or, if that accepts more than {@link #FALSE_ACCEPTS_TARGET} of the
	 * calibration lines, the least q above it that does not, costing at most {@link #MAX_ACCURACY_TRADED}.
	 * {@code null} without guesses.
	 *
	 * @param labels the intent of each sample, -1 for out of scope
	 * @param guesses the out-of-fold guess of each sample, {@code null} where no fold could make one
	 * @param calibration the guesses of the final model for lines it must not accept
	 */
	static Boundary boundary(int[] labels, SoftmaxModel.Guess[] guesses, List<SoftmaxModel.Guess> calibration) {
		List<SoftmaxModel.Guess> correct = new ArrayList<>();
		int inScope = 0;
		for (int i = 0; i < labels.length; i++) {
			SoftmaxModel.Guess guess = guesses[i];
			if (guess != null && labels[i] >= 0) {
				inScope++;
				if (!guess.outOfScopeClassWins() && guess.intent() == labels[i]) {
					correct.add(guess);
				}
			}
		}
		if (correct.isEmpty()) {
			return null;
		}
		double[] similarities = correct.stream().mapToDouble(SoftmaxModel.Guess::similarity).sorted().toArray();
		double[] evidences = correct.stream().mapToDouble(SoftmaxModel.Guess::evidence).sorted().toArray();
		double allowed = correct.size() - ACCURACY_TRADED * inScope;
		double leastAllowed = correct.size() - MAX_ACCURACY_TRADED * inScope;
		double falseAcceptsAllowed = FALSE_ACCEPTS_TARGET * calibration.size();
		Boundary best = new Boundary(similarities[0], evidences[0]);
		for (int k = 1; k < correct.size(); k++) {
			Boundary candidate = new Boundary(similarities[k], evidences[k]);
			long kept = correct.stream().filter(candidate::accepts).count();
			boolean affordable = kept >= allowed - 1e-9
					|| kept >= leastAllowed - 1e-9 && accepted(best, calibration) > falseAcceptsAllowed;
			if (!affordable) {
				break;
			}
			best = candidate;
		}
		return best;
	}

	private static long accepted(Boundary boundary, List<SoftmaxModel.Guess> guesses) {
		return guesses.stream().filter(boundary::accepts).count();
	}

	/**
	 * Where no fold could guess (every intent has a single example): the least similarity and evidence of the
	 * model's own training examples, so that only what is less like the intents than all of them is out of
	 * scope.
	 */
	private static Boundary leastTypical(SoftmaxModel model, LanguageData data) {
		double similarity = Double.POSITIVE_INFINITY;
		double evidence = Double.POSITIVE_INFINITY;
		for (int i = 0; i < data.size(); i++) {
			if (data.labels.get(i) >= 0) {
				SoftmaxModel.Guess guess = model.guess(data.examples.get(i).normalized(), data.examples.get(i).embedding());
				similarity = Math.min(similarity, guess.similarity());
				evidence = Math.min(evidence, guess.evidence());
			}
		}
		return new Boundary(similarity, evidence);
	}

	/** A fitted model before its out-of-scope boundaries are known. */
	private record Fitted(List<String> intents, float[] mean, double scale, float[][] centroids, NgramFeatures ngrams,
			SoftmaxRegression.Fit fit) {

		SoftmaxModel bounded(double threshold, double evidence) {
			return new SoftmaxModel(intents, mean, scale, centroids, ngrams, fit.weights(), fit.bias(), threshold,
					evidence);
		}

		/** The model that calls nothing out of scope but by its out-of-scope class. */
		SoftmaxModel unbounded() {
			return bounded(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
		}
	}

	/**
	 * The examples of one language, in the order given, and the background's negatives, which every fit trains on
	 * (they are never guessed out of fold: they are not what the boundaries are calibrated on).
	 */
	private static final class LanguageData {
		private final List<Example> background = new ArrayList<>();
		/** The background's training lines of a language that does not train: the background check's prototypes. */
		private final List<Example> untrained = new ArrayList<>();
		private final List<Example> calibration = new ArrayList<>();
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

		/** The background weights to try: the candidates when there are background lines to weigh, else one. */
		double[] weights() {
			return background.isEmpty() || size() > BackgroundWeight.MOST_EXAMPLES_TRIED
					? new double[] { BackgroundWeight.DEFAULT }
					: BackgroundWeight.CANDIDATES;
		}

		int[] labels() {
			return labels.stream().mapToInt(Integer::intValue).toArray();
		}

		/** The indices of the in-scope examples. */
		List<Integer> inScope() {
			return IntStream.range(0, size()).filter(i -> labels.get(i) >= 0).boxed().toList();
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
		 * Fills in, for the trial's background weight, the guesses of a model fitted without the fold: for the
		 * examples of the fold, and for every {@value #FOLDS}th calibration line (each fold writes only its own
		 * elements).
		 */
		void guessOutOfFold(int fold, BackgroundWeight.Trial trial) {
			int[] folds = folds();
			int[] fitted = Arrays.stream(all()).filter(i -> folds[i] != fold).toArray();
			if (Arrays.stream(fitted).noneMatch(i -> labels.get(i) >= 0)) {
				return;
			}
			SoftmaxModel model = fit(fitted, trial.weight()).unbounded();
			for (int i = 0; i < size(); i++) {
				if (folds[i] == fold) {
					trial.guesses()[i] = model.guess(examples.get(i).normalized(), examples.get(i).embedding());
				}
			}
			for (int i = fold; i < calibration.size(); i += FOLDS) {
				trial.calibration().set(i, model.guess(calibration.get(i).normalized(), calibration.get(i).embedding()));
			}
		}

		/**
		 * A model of the given examples, with no boundaries yet.
		 *
		 * @param backgroundIntents how many intents the background's lines weigh together
		 */
		Fitted fit(int[] indices, double backgroundIntents) {
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
			// the n-grams of the agent's own utterances: the background's would make the IR large and slow to train
			List<String> texts = new ArrayList<>();
			for (int i : indices) {
				texts.add(examples.get(i).normalized());
			}
			NgramFeatures ngrams = NgramVocabulary.fit(texts, WORD_WEIGHT, CHAR_WEIGHT);
			int outOfScope = indices.length - inScope;
			double outOfScopeWeight = outOfScope == 0 ? 1 : (double) inScope / intents.size() / outOfScope;
			double backgroundWeight = background.isEmpty() ? 0
					: backgroundIntents * inScope / intents.size() / background.size();
			int count = indices.length + background.size();
			List<SparseVector> samples = new ArrayList<>(count);
			int[] classes = new int[count];
			double[] weights = new double[count];
			for (int k = 0; k < indices.length; k++) {
				Example example = examples.get(indices[k]);
				int label = labels.get(indices[k]);
				samples.add(SoftmaxModel.features(example.normalized(), example.embedding(), mean, scale, ngrams));
				classes[k] = label >= 0 ? label : intents.size();
				weights[k] = label >= 0 ? 1 : outOfScopeWeight;
			}
			for (int k = indices.length; k < count; k++) {
				Example example = background.get(k - indices.length);
				samples.add(SoftmaxModel.features(example.normalized(), example.embedding(), mean, scale, ngrams));
				classes[k] = intents.size();
				weights[k] = backgroundWeight;
			}
			SoftmaxRegression.Fit fit = SoftmaxRegression.fit(samples, classes, weights, intents.size() + 1,
					dimension + ngrams.size());
			return new Fitted(intents, mean, scale, centroids, ngrams, fit);
		}
	}
}
