package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an example utterance is made of, as {@link CloseExamples} compares them: its distinct words and pairs of
 * neighbouring words with their weights, those of them that carry meaning (and those as one text, a key that is
 * cheap to compare), and what they all weigh together. A word that carries little meaning ({@link #LIGHT})
 * weighs {@value #LIGHT_WEIGHT}, a pair as its lighter word, anything else 1. Words are those of the normalized
 * utterance; in Chinese, written without spaces, each Han character counts as a word.
 */
record ExampleWords(Map<String, Double> features, Set<String> meaningful, String meaning, double weight) {

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
	private static final Map<String, ExampleWords> WORDS = new ConcurrentHashMap<>();

	static ExampleWords of(String utterance) {
		ExampleWords words = WORDS.get(utterance);
		if (words == null) {
			if (WORDS.size() >= CAPACITY) {
				WORDS.clear();
			}
			words = measure(NormalizedUtterances.of(utterance));
			WORDS.put(utterance, words);
		}
		return words;
	}

	private static ExampleWords measure(String normalized) {
		Map<String, Double> features = new HashMap<>();
		Set<String> meaningful = new HashSet<>();
		double weight = 0;
		for (String feature : features(normalized)) {
			double featureWeight = weight(feature);
			features.put(feature, featureWeight);
			weight += featureWeight;
			if (featureWeight == 1) {
				meaningful.add(feature);
			}
		}
		return new ExampleWords(features, meaningful, String.join("\n", meaningful.stream().sorted().toList()), weight);
	}

	/** The weight of the words and pairs both have among the weight of those either has. */
	double similarity(ExampleWords other) {
		Map<String, Double> a = features;
		Map<String, Double> b = other.features;
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

	/** Whether both have the same words and pairs, whatever their order or repetitions. */
	boolean sameAs(ExampleWords other) {
		return features.keySet().equals(other.features.keySet());
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
