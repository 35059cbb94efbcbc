package dev.cabin.engine.nlu;

import java.util.List;
import java.util.Map;

/**
 * What the NLU made of an utterance.
 *
 * @param normalized the utterance as it was compared
 * @param language the language it was read in
 * @param intent the recognized intent, or {@code null} when the utterance is out of scope
 * @param score the score of the best candidate
 * @param candidates the best candidates, best first
 * @param method how the intent was found: {@code exact}, {@code template}, {@code classifier}, {@code llm} or
 *        {@code none}
 * @param slots the slot values found in the utterance for the intent
 * @param ambiguous whether the classifier could not tell the best candidates apart (an LLM may resolve it)
 * @param rejection which of the classifier's tests called the utterance out of scope, or {@code null}
 * @param narrowlyRejected whether the classifier called the utterance out of scope, but its best candidate only
 *        narrowly ({@link IntentClassifier.Classification#narrowlyRejected()})
 */
public record Recognition(String normalized, Language language, String intent, double score,
		List<IntentCandidate> candidates, String method, Map<String, Object> slots, boolean ambiguous,
		Rejection rejection, boolean narrowlyRejected) {

	public Recognition {
		candidates = List.copyOf(candidates);
		slots = Map.copyOf(slots);
	}

	/** A recognition that no test of the classifier turned down. */
	public Recognition(String normalized, Language language, String intent, double score,
			List<IntentCandidate> candidates, String method, Map<String, Object> slots, boolean ambiguous) {
		this(normalized, language, intent, score, candidates, method, slots, ambiguous, null, false);
	}

	public boolean inScope() {
		return intent != null;
	}

	/** The same recognition with the intent an LLM chose among the candidates. */
	public Recognition resolvedTo(String chosen, Map<String, Object> chosenSlots) {
		return new Recognition(normalized, language, chosen, score, candidates, "llm", chosenSlots, false);
	}
}
