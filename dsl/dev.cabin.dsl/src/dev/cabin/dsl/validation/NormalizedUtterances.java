package dev.cabin.dsl.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cabin.language.TextNormalizer;

/**
 * Example utterances as the recognizer compares them, remembered across validations: an editor re-validates a
 * large agent on every keystroke, while almost none of its examples change.
 */
final class NormalizedUtterances {

	/* Enough for the largest agents; beyond it the memory is given back and filled again. */
	private static final int CAPACITY = 200_000;

	private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

	private NormalizedUtterances() {
	}

	static String of(String utterance) {
		String normalized = NORMALIZED.get(utterance);
		if (normalized == null) {
			if (NORMALIZED.size() >= CAPACITY) {
				NORMALIZED.clear();
			}
			normalized = TextNormalizer.normalize(Templates.spoken(utterance));
			NORMALIZED.put(utterance, normalized);
		}
		return normalized;
	}
}
