package dev.cabin.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.nlu.Recognition;

/**
 * What the agent's NLU makes of an utterance, with an ambiguous one resolved by the LLM when the engine has
 * one, and whether the agent acts on it, asks first or rejects it ({@link Acceptance}); the recognition, its
 * scores, candidates and the decision go into the turn's trace.
 */
final class Recognizer {

	private final TurnContext context;
	private final Generation generation;

	Recognizer(TurnContext context, Generation generation) {
		this.context = context;
		this.generation = generation;
	}

	Acceptance.Verdict recognize(String text) {
		long start = System.nanoTime();
		Recognition recognition = context.agent().nlu().recognize(text);
		context.trace().stage("nlu", System.nanoTime() - start);
		if (recognition.ambiguous() && context.model() != null) {
			recognition = generation.resolve(recognition, text);
		}
		Acceptance.Verdict verdict = Acceptance.judge(recognition, context.agent());
		Map<String, Object> nlu = new LinkedHashMap<>();
		nlu.put("normalized", recognition.normalized());
		nlu.put("language", recognition.language().code());
		nlu.put("method", recognition.method());
		nlu.put("intent", recognition.intent());
		nlu.put("score", recognition.score());
		nlu.put("threshold", verdict.threshold());
		nlu.put("act", verdict.act());
		nlu.put("decision", verdict.decision().name().toLowerCase(Locale.ROOT));
		if (verdict.recognition().inScope()) {
			nlu.put("decidedOn", verdict.recognition().intent());
			nlu.put("decisionScore", verdict.score());
			nlu.put("confidence", confidenceOf(verdict.recognition().intent()));
		}
		if (recognition.rejection() != null) {
			nlu.put("rejectedBy", recognition.rejection().code());
		}
		if (recognition.narrowlyRejected()) {
			// so that an author reading the trace sees the question came from the grey zone, not from confidence high
			nlu.put("narrowlyRejected", true);
		}
		nlu.put("ambiguous", recognition.ambiguous());
		nlu.put("candidates", recognition.candidates());
		nlu.put("slots", recognition.slots());
		context.trace().put("nlu", nlu);
		return verdict;
	}

	private String confidenceOf(String intent) {
		IntentIr declared = context.ir().intent(intent);
		return declared == null ? null : declared.confidence().name().toLowerCase(Locale.ROOT);
	}
}
