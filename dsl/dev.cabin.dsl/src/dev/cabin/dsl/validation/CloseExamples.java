package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;

/**
 * Examples of two intents of an agent so alike that the recognizer can hardly tell the intents apart: in the
 * same locale, they differ only in words that carry little meaning ("open the sunroof" and "open the sunroof
 * please", "打开天窗" and "打开天窗吧"). Measured on the words and the pairs of neighbouring words of each (the
 * pairs keep "call me bob" apart from "call bob for me"): the share of what both have among what either has,
 * where a word that carries little meaning ({@link #LIGHT}: articles, politeness, fillers, particles; not
 * pronouns, question words or negations) counts {@value #LIGHT_WEIGHT}, a pair as its lighter word, and
 * anything else 1; at least {@value #BOUND} is too close. One differing word that carries meaning ("set an
 * alarm" and "set a timer", "that is true" and "that is not true") keeps two examples apart. Words are those
 * of the normalized utterance; in Chinese, written without spaces, each Han character counts as a word. The
 * same utterance in two intents is ambiguous outright and reported as such, not here.
 */
final class CloseExamples {

	/** The least share of shared words and pairs that makes two examples of different intents too close. */
	static final double BOUND = 0.9;

	/** What a word that carries little meaning counts. */
	static final double LIGHT_WEIGHT = 0.1;

	/** Words that carry little meaning in a request, in English and Chinese. */
	static final Set<String> LIGHT = Set.of("a", "an", "the", "please", "now", "just", "can", "could", "would",
			"will", "to", "for", "hey", "ok", "okay", "so", "then", "it", "this", "that", "of", "some", "kindly",
			"thanks", "吧", "呢", "吗", "啊", "呀", "了", "请", "帮", "的", "把", "给", "一", "下", "麻", "烦");

	/* Enough for the largest agents; beyond it the memory is given back and filled again. */
	private static final int CAPACITY = 200_000;

	/*
	 * The words of utterances, remembered across validations as their normalized forms are: an editor
	 * re-validates a large agent on every keystroke, while almost none of its examples change.
	 */
	private static final Map<String, Words> WORDS = new ConcurrentHashMap<>();

	/**
	 * What an utterance is made of: its distinct words and word pairs with their weights, those of them that
	 * carry meaning (and those as one text, a key that is cheap to compare), and what they all weigh together.
	 */
	record Words(Map<String, Double> features, Set<String> meaningful, String meaning, double weight) {

		static Words of(String utterance) {
			Words words = WORDS.get(utterance);
			if (words == null) {
				if (WORDS.size() >= CAPACITY) {
					WORDS.clear();
				}
				words = measure(NormalizedUtterances.of(utterance));
				WORDS.put(utterance, words);
			}
			return words;
		}

		private static Words measure(String normalized) {
			Map<String, Double> features = new HashMap<>();
			Set<String> meaningful = new HashSet<>();
			double weight = 0;
			for (String feature : CloseExamples.features(normalized)) {
				double featureWeight = CloseExamples.weight(feature);
				features.put(feature, featureWeight);
				weight += featureWeight;
				if (featureWeight == 1) {
					meaningful.add(feature);
				}
			}
			return new Words(features, meaningful, String.join("\n", meaningful.stream().sorted().toList()), weight);
		}
	}

	/** One example utterance: the {@code index}-th text of its phrases, and its words. */
	record Example(Intent intent, LocalizedPhrases phrases, int index, Words words) {

		String text() {
			return phrases.getTexts().get(index);
		}

		Set<String> meaningful() {
			return words.meaningful();
		}

		double weight() {
			return words.weight();
		}
	}

	/** An example, the closest example of another intent written before it, and how alike they are. */
	record Pair(Example example, Example closest, double similarity) {
	}

	private CloseExamples() {
	}

	/** For each example that is too close to an earlier example of another intent, the closest such example. */
	static List<Pair> of(Agent agent) {
		Map<String, List<Example>> byLocale = new HashMap<>();
		for (Intent intent : agent.getIntents()) {
			for (LocalizedPhrases phrases : intent.getUtterances()) {
				for (int i = 0; i < phrases.getTexts().size(); i++) {
					Example example = new Example(intent, phrases, i, Words.of(phrases.getTexts().get(i)));
					if (!example.meaningful().isEmpty()) {
						byLocale.computeIfAbsent(String.valueOf(phrases.getLocale()), l -> new ArrayList<>()).add(example);
					}
				}
			}
		}
		List<Pair> pairs = new ArrayList<>();
		byLocale.values().forEach(examples -> pairs.addAll(closePairs(examples)));
		return pairs;
	}

	/*
	 * Two examples this alike differ by at most a ninth of what they share, and what they share weighs no more
	 * than the lighter one: each misses at most (the lighter one's weight) / 9 of the other's meaningful words
	 * and pairs, which weigh 1 each. So where one weighs less than 9, both have the same meaningful ones, and
	 * are found by those alone. Two heavier ones have in common all but (weight / 9) of the meaningful ones of
	 * each, so the rarest (weight / 9 + 1) of one and of the other (rarest by one order for all examples) have
	 * one in common: each heavier example is indexed under its rarest and compared with the earlier ones
	 * indexed under them (prefix filtering).
	 */
	private static List<Pair> closePairs(List<Example> examples) {
		// a little less than 9, so that a weight of 9 summed in floating point counts as heavy
		double heavy = BOUND / (1 - BOUND) - 1e-6;
		Map<String, Integer> frequency = new HashMap<>();
		examples.stream().filter(example -> example.weight() >= heavy)
				.forEach(example -> example.meaningful().forEach(feature -> frequency.merge(feature, 1, Integer::sum)));
		Map<String, List<Example>> byMeaning = new HashMap<>();
		Map<String, List<Example>> heavyByRarest = new HashMap<>();
		List<Pair> pairs = new ArrayList<>();
		for (Example example : examples) {
			List<List<Example>> candidates = new ArrayList<>();
			candidates.add(byMeaning.getOrDefault(example.words().meaning(), List.of()));
			List<String> rarest = example.weight() < heavy ? List.of()
					: rarest(example.meaningful(), frequency, (int) Math.floor(example.weight() / heavy) + 1);
			rarest.forEach(feature -> candidates.add(heavyByRarest.getOrDefault(feature, List.of())));
			Pair closest = null;
			// an example found twice is compared twice, which is cheaper than hashing examples
			for (List<Example> others : candidates) {
				for (Example other : others) {
					// most candidates are examples of the same intent (they share its rarest words): they are
					// passed over before the costly comparison, which an editor would pay on every keystroke
					if (other.intent() == example.intent()) {
						continue;
					}
					double similarity = similarity(example.words().features(), other.words().features());
					if (similarity >= BOUND && !example.words().features().keySet().equals(other.words().features().keySet())
							&& (closest == null || similarity > closest.similarity())) {
						closest = new Pair(example, other, similarity);
					}
				}
			}
			if (closest != null) {
				pairs.add(closest);
			}
			byMeaning.computeIfAbsent(example.words().meaning(), m -> new ArrayList<>()).add(example);
			rarest.forEach(feature -> heavyByRarest.computeIfAbsent(feature, f -> new ArrayList<>()).add(example));
		}
		return pairs;
	}

	/*
	 * The first {@code count} features in the order rarest first (the fewest examples have it), then
	 * alphabetical: picked one by one rather than sorting them all, as this runs for every example of the agent.
	 */
	private static List<String> rarest(Set<String> features, Map<String, Integer> frequency, int count) {
		String[] names = features.toArray(String[]::new);
		int[] counts = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			counts[i] = frequency.get(names[i]);
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

	/** The weight of the words and pairs both have among the weight of those either has. */
	static double similarity(Map<String, Double> a, Map<String, Double> b) {
		double shared = 0;
		double all = 0;
		for (Map.Entry<String, Double> feature : a.entrySet()) {
			all += feature.getValue();
			if (b.containsKey(feature.getKey())) {
				shared += feature.getValue();
			}
		}
		for (Map.Entry<String, Double> feature : b.entrySet()) {
			if (!a.containsKey(feature.getKey())) {
				all += feature.getValue();
			}
		}
		return all == 0 ? 0 : shared / all;
	}

	/** A word's weight, or a pair's (two words and a space between): its lighter word's. */
	private static double weight(String feature) {
		int space = feature.indexOf(' ');
		if (space >= 0) {
			return Math.min(weight(feature.substring(0, space)), weight(feature.substring(space + 1)));
		}
		return LIGHT.contains(feature) ? LIGHT_WEIGHT : 1;
	}

	/** The distinct words of a normalized utterance and the pairs of neighbouring words. */
	static Set<String> features(String normalized) {
		List<String> words = words(normalized);
		Set<String> features = new LinkedHashSet<>(words);
		for (int i = 0; i + 1 < words.size(); i++) {
			features.add(words.get(i) + " " + words.get(i + 1));
		}
		return features;
	}

	/** The words of a normalized utterance in order, each Han character a word of its own. */
	private static List<String> words(String normalized) {
		List<String> words = new ArrayList<>();
		for (String token : normalized.split(" ")) {
			StringBuilder run = new StringBuilder();
			token.codePoints().forEach(c -> {
				if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
					if (run.length() > 0) {
						words.add(run.toString());
						run.setLength(0);
					}
					words.add(new String(Character.toChars(c)));
				} else {
					run.appendCodePoint(c);
				}
			});
			if (run.length() > 0) {
				words.add(run.toString());
			}
		}
		return words;
	}
}
