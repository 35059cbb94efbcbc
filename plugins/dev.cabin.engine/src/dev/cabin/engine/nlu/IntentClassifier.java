package dev.cabin.engine.nlu;

import java.util.List;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.IrFormatException;

/**
 * Tells an agent's intents apart for an utterance that no example or template matched literally, and decides
 * whether it is out of scope. Implementations are built from the IR (the examples with their embeddings, and
 * the agent's {@code classifier} section) by a {@link Factory} registered under the section's {@code kind}.
 * Thread-safe.
 */
public interface IntentClassifier {

	/**
	 * Scores the intents for a normalized utterance in the given language.
	 *
	 * @return the candidates best first, and the intent (or {@code null} when the utterance is out of scope)
	 */
	Classification classify(String normalized, Language language);

	/** The score below which this classifier calls an utterance out of scope. */
	double threshold();

	/** The threshold for utterances in the language, where it depends on the language. */
	default double threshold(Language language) {
		return threshold();
	}

	/**
	 * The classifier's answer.
	 *
	 * @param rejection which test called the utterance out of scope, or {@code null} when it is in scope or the
	 *        classifier had nothing to compare it with
	 * @param narrowlyRejected whether the utterance is out of scope, but its best candidate missed the classifier's
	 *        boundaries by so little that the agent asks whether it was meant instead of saying it did not
	 *        understand
	 */
	record Classification(String intent, List<IntentCandidate> candidates, Rejection rejection,
			boolean narrowlyRejected) {
		public Classification {
			candidates = List.copyOf(candidates);
		}

		/** An answer with nothing to compare the utterance with: no candidates, no intent. */
		public static Classification nothing() {
			return new Classification(null, List.of(), null, false);
		}

		public double bestScore() {
			return candidates.isEmpty() ? 0 : candidates.get(0).score();
		}
	}

	/** Builds the classifier of one kind for an agent. */
	interface Factory {

		/** The {@code classifier.kind} of the IR this factory reads. */
		String kind();

		IntentClassifier create(AgentIr agent, SentenceEncoders encoders) throws IrFormatException;
	}
}
