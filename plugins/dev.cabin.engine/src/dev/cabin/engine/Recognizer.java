package dev.cabin.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cabin.engine.nlu.Recognition;

/**
 * What the agent's NLU makes of an utterance, with an ambiguous one resolved by the LLM when the engine has
 * one; the recognition, its scores and candidates go into the turn's trace.
 */
final class Recognizer {

	private final TurnContext context;
	private final Generation generation;

	Recognizer(TurnContext context, Generation generation) {
		this.context = context;
		this.generation = generation;
	}

	Recognition recognize(String text) {
		long start = System.nanoTime();
		Recognition recognition = context.agent().nlu().recognize(text);
		context.trace().stage("nlu", System.nanoTime() - start);
		if (recognition.ambiguous() && context.model() != null) {
			recognition = generation.resolve(recognition, text);
		}
		Map<String, Object> nlu = new LinkedHashMap<>();
		nlu.put("normalized", recognition.normalized());
		nlu.put("language", recognition.language().code());
		nlu.put("method", recognition.method());
		nlu.put("intent", recognition.intent());
		nlu.put("score", recognition.score());
		nlu.put("threshold", context.agent().nlu().classifier().threshold(recognition.language()));
		nlu.put("ambiguous", recognition.ambiguous());
		nlu.put("candidates", recognition.candidates());
		nlu.put("slots", recognition.slots());
		context.trace().put("nlu", nlu);
		return recognition;
	}
}
