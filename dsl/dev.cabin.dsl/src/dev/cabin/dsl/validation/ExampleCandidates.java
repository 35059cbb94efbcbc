package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The examples of one locale indexed so that those at least {@link CloseExamples#BOUND} alike find each other
 * without comparing every pair.
 * <p>
 * Two examples this alike differ by at most a ninth of what they share, and what they share weighs no more than
 * the lighter one: each misses at most (the lighter one's weight) / 9 of the other's meaningful words and pairs,
 * which weigh 1 each. So where one weighs less than 9, both have the same meaningful ones, and are found by those
 * alone ({@link ExampleWords#meaning()}). Two heavier ones have in common all but (weight / 9) of the meaningful
 * ones of each, so the first (weight / 9 + 1) of one and of the other, in one order for all examples, have one
 * in common: each heavier example is indexed under those first ones and finds the others indexed under them
 * (prefix filtering). The order is rarest first (the fewest heavy examples have it, counted when the index was
 * made, so that it stays one order while examples come and go; a feature unknown then counts as the rarest),
 * then alphabetical, which keeps the lists looked in short.
 */
final class ExampleCandidates {

	// a little less than 9, so that a weight of 9 summed in floating point counts as heavy
	private static final double HEAVY = CloseExamples.BOUND / (1 - CloseExamples.BOUND) - 1e-6;

	private final Map<String, Integer> frequency = new HashMap<>();

	private final Map<String, List<IndexedExample>> byMeaning = new HashMap<>();

	private final Map<String, List<IndexedExample>> heavyByRarest = new HashMap<>();

	/** An empty index whose order of features is that of the given examples. */
	ExampleCandidates(List<IndexedExample> examples) {
		examples.stream().filter(example -> example.words.weight() >= HEAVY).forEach(
				example -> example.words.meaningful().forEach(feature -> frequency.merge(feature, 1, Integer::sum)));
	}

	void add(IndexedExample example) {
		example.rarest = example.words.weight() < HEAVY ? List.of()
				: rarest(example.words.meaningful(), (int) Math.floor(example.words.weight() / HEAVY) + 1);
		byMeaning.computeIfAbsent(example.words.meaning(), m -> new ArrayList<>()).add(example);
		example.rarest.forEach(feature -> heavyByRarest.computeIfAbsent(feature, f -> new ArrayList<>()).add(example));
	}

	void remove(IndexedExample example) {
		remove(byMeaning, example.words.meaning(), example);
		example.rarest.forEach(feature -> remove(heavyByRarest, feature, example));
	}

	private static void remove(Map<String, List<IndexedExample>> index, String key, IndexedExample example) {
		List<IndexedExample> examples = index.get(key);
		examples.remove(example);
		if (examples.isEmpty()) {
			index.remove(key);
		}
	}

	/**
	 * Hands on every indexed example that may be {@link CloseExamples#BOUND} alike to the given one, itself
	 * included; an example found twice is handed on twice, which is cheaper than hashing examples.
	 */
	void forEachCandidate(IndexedExample example, Consumer<IndexedExample> action) {
		byMeaning.getOrDefault(example.words.meaning(), List.of()).forEach(action);
		example.rarest.forEach(feature -> heavyByRarest.getOrDefault(feature, List.of()).forEach(action));
	}

	/*
	 * The first {@code count} features in the order rarest first, then alphabetical: picked one by one rather
	 * than sorting them all, as this runs for every example of the agent.
	 */
	private List<String> rarest(Set<String> features, int count) {
		String[] names = features.toArray(String[]::new);
		int[] counts = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			counts[i] = frequency.getOrDefault(names[i], 0);
		}
		int wanted = Math.min(count, names.length);
		for (int i = 0; i < wanted; i++) {
			int least = i;
			for (int j = i + 1; j < names.length; j++) {
				if (counts[j] < counts[least] || counts[j] == counts[least] && names[j].compareTo(names[least]) < 0) {
					least = j;
				}
			}
			String name = names[least];
			names[least] = names[i];
			names[i] = name;
			int frequent = counts[least];
			counts[least] = counts[i];
			counts[i] = frequent;
		}
		return Arrays.asList(names).subList(0, wanted);
	}
}
