package dev.cabin.engine.nlu.softmax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF features of the words of a normalized utterance: one block of words and word pairs, one block of
 * character n-grams (2 to 5 characters, inside words padded with a space on each side, so that they also see
 * where a word starts and ends). The characters catch what embeddings blur: spelling variants, names, unit
 * words; in Chinese, whose words are not separated, they are the words. Each block has unit length, then its
 * weight. Term frequencies are sublinear (1 + ln count), times the idf of the n-gram that the compiler
 * computed over the training utterances.
 */
public final class NgramFeatures {

	static final int MIN_CHARS = 2;
	static final int MAX_CHARS = 5;

	private final Map<String, Integer> index = new HashMap<>();
	private final List<String> vocabulary;
	private final float[] idf;
	private final double wordWeight;
	private final double charWeight;

	public NgramFeatures(List<String> vocabulary, float[] idf, double wordWeight, double charWeight) {
		if (vocabulary.size() != idf.length) {
			throw new IllegalArgumentException(vocabulary.size() + " n-grams but " + idf.length + " idf values");
		}
		this.vocabulary = List.copyOf(vocabulary);
		this.idf = idf;
		this.wordWeight = wordWeight;
		this.charWeight = charWeight;
		for (int i = 0; i < vocabulary.size(); i++) {
			index.put(vocabulary.get(i), i);
		}
	}

	public int size() {
		return vocabulary.size();
	}

	List<String> vocabulary() {
		return vocabulary;
	}

	float[] idf() {
		return idf.clone();
	}

	double wordWeight() {
		return wordWeight;
	}

	double charWeight() {
		return charWeight;
	}

	/** The features of an utterance, numbered from {@code offset} on. */
	public SparseVector vector(String normalized, int offset) {
		Map<Integer, Float> values = new HashMap<>();
		addBlock(wordGrams(normalized), wordWeight, offset, values);
		addBlock(charGrams(normalized), charWeight, offset, values);
		int[] indices = new int[values.size()];
		float[] weights = new float[values.size()];
		int i = 0;
		for (Map.Entry<Integer, Float> entry : values.entrySet()) {
			indices[i] = entry.getKey();
			weights[i++] = entry.getValue();
		}
		return new SparseVector(indices, weights);
	}

	private void addBlock(List<String> grams, double weight, int offset, Map<Integer, Float> into) {
		Map<Integer, Integer> counts = new HashMap<>();
		for (String gram : grams) {
			Integer feature = index.get(gram);
			if (feature != null) {
				counts.merge(feature, 1, Integer::sum);
			}
		}
		double squares = 0;
		Map<Integer, Double> tfidf = new HashMap<>();
		for (Map.Entry<Integer, Integer> count : counts.entrySet()) {
			double value = (1 + Math.log(count.getValue())) * idf[count.getKey()];
			tfidf.put(count.getKey(), value);
			squares += value * value;
		}
		double norm = Math.sqrt(squares);
		if (norm > 0) {
			tfidf.forEach((feature, value) -> into.put(feature + offset, (float) (value / norm * weight)));
		}
	}

	/** Words ({@code w:}) and pairs of neighbouring words ({@code b:}). */
	public static List<String> wordGrams(String normalized) {
		List<String> grams = new ArrayList<>();
		String[] words = words(normalized);
		for (int i = 0; i < words.length; i++) {
			grams.add("w:" + words[i]);
			if (i + 1 < words.length) {
				grams.add("b:" + words[i] + " " + words[i + 1]);
			}
		}
		return grams;
	}

	/** Character n-grams ({@code c:}) of each word padded with spaces. */
	public static List<String> charGrams(String normalized) {
		List<String> grams = new ArrayList<>();
		for (String word : words(normalized)) {
			String padded = " " + word + " ";
			for (int length = MIN_CHARS; length <= MAX_CHARS; length++) {
				for (int start = 0; start + length <= padded.length(); start++) {
					grams.add("c:" + padded.substring(start, start + length));
				}
			}
		}
		return grams;
	}

	private static String[] words(String normalized) {
		return normalized.isEmpty() ? new String[0] : normalized.split(" ");
	}
}
