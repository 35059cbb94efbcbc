package dev.cabin.engine;

import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.ir.Confidence;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.NluPipeline;
import dev.cabin.engine.nlu.Recognition;

/**
 * Whether the agent acts on what it recognized, asks first ("Did you mean ...?") or says it did not understand,
 * by the confidence the intent needs: an intent of confidence high acts only from its acting boundary on (the
 * compiler calibrates one per intent and language, in the IR) and is asked about between the out-of-scope
 * threshold and it, and wherever another intent scores nearly as high (a sunroof's "close" read as "open" would
 * act on the car the wrong way); an intent of confidence low is asked about rather than refused just below the
 * threshold. An utterance the classifier rejected only narrowly (its grey zone) is asked about too, whatever its
 * best intent's confidence: a question never acts, and "no" leaves the car untouched. An intent the LLM chose among
 * ambiguous candidates is judged by its candidate's score, as if the classifier had chosen it.
 */
final class Acceptance {

	enum Decision {
		ACT, ASK, REJECT
	}

	/**
	 * @param recognition what the NLU made of the utterance, with the intent asked about when the agent asks
	 * @param score the score the decision was made on
	 * @param act the score from which an intent of confidence high acts
	 */
	record Verdict(Decision decision, Recognition recognition, double score, double threshold, double act) {
	}

	private Acceptance() {
	}

	static Verdict judge(Recognition recognition, AgentRuntime agent) {
		double threshold = agent.nlu().classifier().threshold(recognition.language());
		if (recognition.inScope()) {
			IntentIr intent = agent.ir().intent(recognition.intent());
			double score = scoreOf(recognition, recognition.intent());
			double act = act(agent, recognition, recognition.intent(), threshold);
			// a near tie with another intent (one an LLM did not resolve) is no more sure than a low score
			boolean unsure = intent != null && intent.confidence() == Confidence.HIGH
					&& (score < act || recognition.ambiguous());
			return new Verdict(unsure ? Decision.ASK : Decision.ACT, recognition, score, threshold, act);
		}
		double act = recognition.candidates().isEmpty() ? threshold
				: act(agent, recognition, recognition.candidates().get(0).intent(), threshold);
		if (!recognition.candidates().isEmpty() && recognition.method().equals("classifier")) {
			IntentCandidate best = recognition.candidates().get(0);
			IntentIr intent = agent.ir().intent(best.intent());
			boolean lowAndNear = intent != null && intent.confidence() == Confidence.LOW
					&& best.score() >= threshold - NluPipeline.NEAR_THRESHOLD;
			if (intent != null && (recognition.narrowlyRejected() || lowAndNear)) {
				Recognition meant = new Recognition(recognition.normalized(), recognition.language(), best.intent(),
						best.score(), recognition.candidates(), recognition.method(),
						agent.nlu().slots(best.intent(), recognition.normalized()), false);
				return new Verdict(Decision.ASK, meant, best.score(), threshold, act);
			}
		}
		return new Verdict(Decision.REJECT, recognition, recognition.score(), threshold, act);
	}

	/** Where the intent acts without asking first, in the utterance's language. */
	private static double act(AgentRuntime agent, Recognition recognition, String intent, double threshold) {
		return agent.ir().classifier().act(recognition.language().code(), intent, threshold);
	}

	/** The score of the intent among the candidates; the recognition's own where it is none (exact, template). */
	private static double scoreOf(Recognition recognition, String intent) {
		if (!recognition.method().equals("llm")) {
			return recognition.score();
		}
		return recognition.candidates().stream().filter(c -> c.intent().equals(intent)).mapToDouble(IntentCandidate::score)
				.findFirst().orElse(recognition.score());
	}
}
