package dev.cabin.compiler.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cabin.engine.nlu.softmax.NgramFeatures;

/**
 * Chooses the n-grams of the classifier's {@link NgramFeatures} from the training utterances and weighs them:
 * idf = ln((n + 1) / (df + 1)) + 1 over the n training utterances.
 */
final class NgramVocabulary {

	/** N-grams in fewer training utterances than this are left out: they do not generalize, and they weigh. */
	static final int MIN_DOCUMENTS = 2;

	private NgramVocabulary() {
	}

	/** The n-grams of at least {@link #MIN_DOCUMENTS} of the utterances, with their idf, in a stable order. */
	static NgramFeatures fit(List<String> utterances, double wordWeight, double charWeight) {
		Map<String, Integer> documents = new TreeMap<>();
		for (String utterance : utterances) {
			Set<String> seen = new HashSet<>(NgramFeatures.wordGrams(utterance));
			seen.addAll(NgramFeatures.charGrams(utterance));
			seen.forEach(gram -> documents.merge(gram, 1, Integer::sum));
		}
		List<String> vocabulary = new ArrayList<>();
		List<Float> idf = new ArrayList<>();
		documents.forEach((gram, count) -> {
			if (count >= MIN_DOCUMENTS) {
				vocabulary.add(gram);
				idf.add((float) (Math.log((utterances.size() + 1.0) / (count + 1.0)) + 1.0));
			}
		});
		float[] values = new float[idf.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = idf.get(i);
		}
		return new NgramFeatures(vocabulary, values, wordWeight, charWeight);
	}
}
