package dev.cabin.engine.nlu;

import java.util.List;

/**
 * What the recognizer made of an utterance.
 *
 * @param intent the recognized intent, or {@code null} when the utterance is out of scope
 * @param score the score of the best candidate
 * @param candidates the best candidates, best first
 * @param method how the intent was found: {@code exact}, {@code embedding} or {@code none}
 */
public record Recognition(String intent, double score, List<IntentCandidate> candidates, String method) {

	public Recognition {
		candidates = List.copyOf(candidates);
	}

	public boolean inScope() {
		return intent != null;
	}
}
