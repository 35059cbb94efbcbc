package dev.cabin.lab;

import java.util.List;

import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.Rejection;

/**
 * One utterance of a lab test: what the corpus says it means, what the engine made of it, and how long the
 * engine took.
 *
 * @param expected the intent the corpus gives, or {@link Corpus#OUT_OF_SCOPE}
 * @param predicted the intent the engine recognized, or {@link Corpus#OUT_OF_SCOPE}
 * @param score the engine's score for its best candidate
 * @param method how the engine found it ({@code exact}, {@code template}, {@code classifier}, {@code none})
 * @param candidates the intents the engine considered, best first
 * @param expectedSlots the slot values the corpus gives
 * @param foundSlots the slot values the engine found
 * @param nanos how long the engine took for the utterance
 * @param cpuNanos how much processor time it took, which other work on the machine does not change
 * @param asked whether the agent asked first ("Did you mean ...?") instead of acting on the intent it predicted:
 *        not sure enough to act on an intent of confidence high, or just below the threshold for one of confidence
 *        low
 * @param rejectedBy which of the classifier's tests called the utterance out of scope, or {@code null}
 */
public record Outcome(CorpusLine line, String expected, String predicted, double score, String method,
		List<IntentCandidate> candidates, List<SlotValue> expectedSlots, List<SlotValue> foundSlots, long nanos,
		long cpuNanos, boolean asked, Rejection rejectedBy) {

	public Outcome {
		candidates = List.copyOf(candidates);
		expectedSlots = List.copyOf(expectedSlots);
		foundSlots = List.copyOf(foundSlots);
	}

	/** What kind of answer the engine gave. */
	public enum Verdict {
		/** The right intent, or out of scope for an out-of-scope utterance. */
		CORRECT("correct"),
		/** Another intent than the right one. */
		WRONG_INTENT("wrong intent"),
		/** Out of scope for an utterance that has an intent. */
		WRONGLY_REJECTED("wrongly out of scope"),
		/** An intent for an out-of-scope utterance. */
		WRONGLY_ACCEPTED("wrongly in scope");

		private final String label;

		Verdict(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean expectedInScope() {
		return !Corpus.OUT_OF_SCOPE.equals(expected);
	}

	public boolean predictedInScope() {
		return !Corpus.OUT_OF_SCOPE.equals(predicted);
	}

	/** Whether the agent acted on an intent (it did not call the utterance out of scope, nor ask first). */
	public boolean actedOn() {
		return predictedInScope() && !asked;
	}

	public Verdict verdict() {
		if (expected.equals(predicted)) {
			return Verdict.CORRECT;
		}
		if (!expectedInScope()) {
			return Verdict.WRONGLY_ACCEPTED;
		}
		return predictedInScope() ? Verdict.WRONG_INTENT : Verdict.WRONGLY_REJECTED;
	}

	/** A slot value, compared by its slot and its normalized text. */
	public record SlotValue(String slot, String value) {
	}
}
