package dev.cabin.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import dev.cabin.engine.nlu.Rejection;

/**
 * The figures of a lab test, computed from its outcomes.
 *
 * <ul>
 * <li>In-scope accuracy: the share of utterances with an intent that got that intent (out of scope counts as
 * wrong). Out-of-scope recall: the share of out-of-scope utterances called out of scope; precision: the share
 * of utterances called out of scope that are.</li>
 * <li>Per intent, precision, recall and F1 with out of scope as one more label; an intent that was never
 * predicted has precision 0. Macro F1 is the mean F1 of the intents the corpus or the engine named.</li>
 * <li>Latency percentiles by nearest rank (p99 is the smallest time that 99% of the utterances did not
 * exceed).</li>
 * <li>Slots: a found value is correct when the corpus gives the same slot with the same normalized text;
 * precision, recall and F1 over all values.</li>
 * </ul>
 */
public final class LabReport {

	/** Bins of the confidence histogram, over scores from 0 to 1. */
	public static final int HISTOGRAM_BINS = 20;

	/** The figures of one intent (or slot): how often the corpus names it, the engine names it, and both. */
	public record Score(String name, int expected, int found, int correct) {
		public double precision() {
			return found == 0 ? 0 : (double) correct / found;
		}

		public double recall() {
			return expected == 0 ? 0 : (double) correct / expected;
		}

		public double f1() {
			double sum = precision() + recall();
			return sum == 0 ? 0 : 2 * precision() * recall() / sum;
		}
	}

	/** Latency percentiles in milliseconds. */
	public record Latency(double p50, double p90, double p99, double max, double mean) {
	}

	/** Background lines named per utterance that unrelated speech turned down. */
	static final int NEIGHBOURS = 3;

	private final String agent;
	private final String corpus;
	private final double threshold;
	private final List<String> intents;
	private final List<Outcome> outcomes;
	private final List<String> warnings;
	private final long wallNanos;
	private final int threads;
	private final FalseAccepts falseAccepts;
	private final Map<Integer, List<UnrelatedNeighbours.Neighbour>> nearestUnrelated;

	/**
	 * @param intents the agent's intents, in the order reports list them
	 * @param threshold the agent's out-of-scope threshold
	 * @param wallNanos how long the whole run took, for the throughput
	 */
	public LabReport(String agent, String corpus, List<String> intents, double threshold, List<Outcome> outcomes,
			List<String> warnings, long wallNanos, int threads) {
		this(agent, corpus, intents, threshold, outcomes, warnings, wallNanos, threads, null, Map.of());
	}

	private LabReport(String agent, String corpus, List<String> intents, double threshold, List<Outcome> outcomes,
			List<String> warnings, long wallNanos, int threads, FalseAccepts falseAccepts,
			Map<Integer, List<UnrelatedNeighbours.Neighbour>> nearestUnrelated) {
		this.falseAccepts = falseAccepts;
		this.nearestUnrelated = Map.copyOf(nearestUnrelated);
		this.agent = agent;
		this.corpus = corpus;
		this.intents = List.copyOf(intents);
		this.threshold = threshold;
		this.outcomes = List.copyOf(outcomes);
		this.warnings = List.copyOf(warnings);
		this.wallNanos = wallNanos;
		this.threads = threads;
	}

	/** The report with the false accepts of a run of the held-back background. */
	public LabReport withFalseAccepts(FalseAccepts accepts) {
		return new LabReport(agent, corpus, intents, threshold, outcomes, warnings, wallNanos, threads, accepts,
				nearestUnrelated);
	}

	/**
	 * The report with, for each in-scope utterance that unrelated speech turned down (the background check, or the
	 * out-of-scope class that the background trains), the background's training lines nearest to it; the lines
	 * are only read when there is such an utterance.
	 */
	public LabReport withNearestUnrelated(Supplier<UnrelatedNeighbours> neighbours) {
		List<Outcome> turnedDown = outcomes.stream().filter(outcome -> outcome.expectedInScope()
				&& !outcome.predictedInScope() && (outcome.rejectedBy() == Rejection.UNRELATED_SPEECH
						|| outcome.rejectedBy() == Rejection.OUT_OF_SCOPE_CLASS))
				.toList();
		if (turnedDown.isEmpty()) {
			return this;
		}
		UnrelatedNeighbours index = neighbours.get();
		Map<Integer, List<UnrelatedNeighbours.Neighbour>> nearest = new HashMap<>();
		turnedDown.forEach(outcome -> nearest.put(outcome.line().line(),
				index.nearest(outcome.line().text(), NEIGHBOURS)));
		return new LabReport(agent, corpus, intents, threshold, outcomes, warnings, wallNanos, threads, falseAccepts,
				nearest);
	}

	/** The background's training lines nearest to an outcome's utterance, if it was turned down for being near them. */
	public List<UnrelatedNeighbours.Neighbour> nearestUnrelated(Outcome outcome) {
		return nearestUnrelated.getOrDefault(outcome.line().line(), List.of());
	}

	/** The false accepts on the held-back background, or {@code null} when it was not run. */
	public FalseAccepts falseAccepts() {
		return falseAccepts;
	}

	public String agent() {
		return agent;
	}

	public String corpus() {
		return corpus;
	}

	public double threshold() {
		return threshold;
	}

	public List<Outcome> outcomes() {
		return outcomes;
	}

	public List<String> warnings() {
		return warnings;
	}

	public int threads() {
		return threads;
	}

	public int n() {
		return outcomes.size();
	}

	/** What to tell the author when no utterance ran ({@link #n()} is 0): none was for the agent. */
	public String nothingForTheAgent() {
		return "no utterance of " + corpus + " is for " + agent;
	}

	public int inScope() {
		return (int) outcomes.stream().filter(Outcome::expectedInScope).count();
	}

	public int outOfScope() {
		return n() - inScope();
	}

	/** The utterances with an intent that got it. */
	public int inScopeCorrect() {
		return (int) outcomes.stream().filter(o -> o.expectedInScope() && o.expected().equals(o.predicted())).count();
	}

	/** The utterances with an intent that got it, but asked first whether it was meant instead of acting. */
	public int inScopeAsked() {
		return (int) outcomes.stream()
				.filter(o -> o.expectedInScope() && o.expected().equals(o.predicted()) && o.asked()).count();
	}

	/**
	 * The utterances with an intent that the agent took for another intent and acted on without asking: an action
	 * the driver did not ask for, worse than a fallback or a question.
	 */
	public int inScopeWrongActedOn() {
		return (int) outcomes.stream()
				.filter(o -> o.expectedInScope() && o.verdict() == Outcome.Verdict.WRONG_INTENT && o.actedOn()).count();
	}

	/**
	 * The in-scope utterances called out of scope, by the classifier's test that turned them down (those it did
	 * not say, as for an utterance in a language the agent has no examples in, are left out), most first.
	 */
	public Map<Rejection, Integer> inScopeRejectedBy() {
		Map<Rejection, Integer> counts = new EnumMap<>(Rejection.class);
		outcomes.stream().filter(o -> o.expectedInScope() && !o.predictedInScope() && o.rejectedBy() != null)
				.forEach(o -> counts.merge(o.rejectedBy(), 1, Integer::sum));
		Map<Rejection, Integer> mostFirst = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.<Rejection, Integer>comparingByValue().reversed())
				.forEach(entry -> mostFirst.put(entry.getKey(), entry.getValue()));
		return mostFirst;
	}

	/** The out-of-scope utterances called out of scope. */
	public int outOfScopeCorrect() {
		return (int) outcomes.stream().filter(o -> !o.expectedInScope() && !o.predictedInScope()).count();
	}

	/** The utterances called out of scope. */
	public int predictedOutOfScope() {
		return (int) outcomes.stream().filter(o -> !o.predictedInScope()).count();
	}

	/** {@code null} when the corpus has no utterance with an intent. */
	public Double inScopeAccuracy() {
		return share(inScopeCorrect(), inScope());
	}

	/** {@code null} when the corpus has no out-of-scope utterance. */
	public Double outOfScopeRecall() {
		return share(outOfScopeCorrect(), outOfScope());
	}

	/** {@code null} when the engine called nothing out of scope. */
	public Double outOfScopePrecision() {
		return share(outOfScopeCorrect(), predictedOutOfScope());
	}

	private static Double share(int part, int whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/** The intents that the corpus or the engine named, in the agent's order. */
	public List<Score> perIntent() {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (String intent : intents) {
			counts.put(intent, new int[3]);
		}
		for (Outcome outcome : outcomes) {
			if (outcome.expectedInScope()) {
				counts.computeIfAbsent(outcome.expected(), k -> new int[3])[0]++;
			}
			if (outcome.predictedInScope()) {
				counts.computeIfAbsent(outcome.predicted(), k -> new int[3])[1]++;
				if (outcome.expected().equals(outcome.predicted())) {
					counts.get(outcome.predicted())[2]++;
				}
			}
		}
		List<Score> scores = new ArrayList<>();
		counts.forEach((intent, c) -> {
			if (c[0] > 0 || c[1] > 0) {
				scores.add(new Score(intent, c[0], c[1], c[2]));
			}
		});
		return scores;
	}

	/**
	 * {@code null} when no utterance of the corpus is of an intent (unrelated speech alone): the intents its lines
	 * were taken for have nothing to recall, and their F1 of 0 would say nothing about the agent.
	 */
	public Double macroF1() {
		return inScope() == 0 ? null : perIntent().stream().mapToDouble(Score::f1).average().orElseThrow();
	}

	/** The labels of the confusion matrix: the intents of {@link #perIntent()}, then out of scope. */
	public List<String> confusionLabels() {
		List<String> labels = new ArrayList<>(perIntent().stream().map(Score::name).toList());
		labels.add(Corpus.OUT_OF_SCOPE);
		return labels;
	}

	/** {@code confusion()[expected][predicted]}, indexed like {@link #confusionLabels()}. */
	public int[][] confusion() {
		List<String> labels = confusionLabels();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < labels.size(); i++) {
			index.put(labels.get(i), i);
		}
		int[][] matrix = new int[labels.size()][labels.size()];
		for (Outcome outcome : outcomes) {
			matrix[index.get(outcome.expected())][index.get(outcome.predicted())]++;
		}
		return matrix;
	}

	/**
	 * How many utterances scored in each of {@link #HISTOGRAM_BINS} equal bins from 0 to 1 (scores outside
	 * count in the first or last), by verdict: {@code histogram()[bin][verdict.ordinal()]}.
	 */
	public int[][] histogram() {
		int[][] bins = new int[HISTOGRAM_BINS][Outcome.Verdict.values().length];
		for (Outcome outcome : outcomes) {
			int bin = (int) Math.floor(outcome.score() * HISTOGRAM_BINS);
			bins[Math.max(0, Math.min(HISTOGRAM_BINS - 1, bin))][outcome.verdict().ordinal()]++;
		}
		return bins;
	}

	/** The wrong answers, the most confident first: those are the ones to look at. */
	public List<Outcome> errors() {
		return outcomes.stream().filter(o -> o.verdict() != Outcome.Verdict.CORRECT)
				.sorted(Comparator.comparingDouble(Outcome::score).reversed()
						.thenComparingInt(o -> o.line().line()))
				.toList();
	}

	/** How long the utterances took, wall clock; {@code null} for an empty run. */
	public Latency latency() {
		return latency(Outcome::nanos);
	}

	/**
	 * How much processor time the utterances took: unlike the wall clock, it does not grow when other work
	 * shares the machine. {@code null} for an empty run.
	 */
	public Latency cpu() {
		return latency(Outcome::cpuNanos);
	}

	/**
	 * Utterances per second that the run's threads could serve if each had a core to itself, from the mean
	 * processor time per utterance.
	 */
	public double capacity() {
		Latency cpu = cpu();
		return cpu == null || cpu.mean() == 0 ? 0 : threads * 1000 / cpu.mean();
	}

	private Latency latency(ToLongFunction<Outcome> nanos) {
		if (outcomes.isEmpty()) {
			return null;
		}
		double[] millis = outcomes.stream().mapToDouble(o -> nanos.applyAsLong(o) / 1e6).sorted().toArray();
		return new Latency(percentile(millis, 50), percentile(millis, 90), percentile(millis, 99),
				millis[millis.length - 1], Arrays.stream(millis).average().orElseThrow());
	}

	/** The nearest-rank percentile of ascending values. */
	static double percentile(double[] ascending, double percent) {
		int rank = (int) Math.ceil(percent / 100 * ascending.length);
		return ascending[Math.max(0, rank - 1)];
	}

	/** Utterances per second over the whole run (wall clock, all threads). */
	public double throughput() {
		return wallNanos == 0 ? 0 : outcomes.size() / (wallNanos / 1e9);
	}

	/** Whether the corpus gives slot values, so that slots are scored. */
	public boolean hasSlots() {
		return outcomes.stream().anyMatch(o -> !o.expectedSlots().isEmpty());
	}

	/** The slot figures over all slots. */
	public Score slots() {
		return slotScore("all slots", s -> true);
	}

	/** The figures of each slot the corpus or the engine named, by name. */
	public List<Score> perSlot() {
		Set<String> names = new LinkedHashSet<>();
		outcomes.forEach(o -> {
			o.expectedSlots().forEach(s -> names.add(s.slot()));
			o.foundSlots().forEach(s -> names.add(s.slot()));
		});
		return names.stream().sorted().map(name -> slotScore(name, s -> s.slot().equals(name))).toList();
	}

	private Score slotScore(String name, Predicate<Outcome.SlotValue> which) {
		int expected = 0;
		int found = 0;
		int correct = 0;
		for (Outcome outcome : outcomes) {
			List<Outcome.SlotValue> unmatched = new ArrayList<>(outcome.expectedSlots().stream().filter(which).toList());
			expected += unmatched.size();
			for (Outcome.SlotValue value : outcome.foundSlots()) {
				if (which.test(value)) {
					found++;
					correct += unmatched.remove(value) ? 1 : 0;
				}
			}
		}
		return new Score(name, expected, found, correct);
	}
}
