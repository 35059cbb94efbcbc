package dev.cabin.engine.ir;

import java.util.Map;

/**
 * An agent's defaults; {@code null} where the author set nothing.
 *
 * @param confidence the recognition score below which an utterance is out of scope
 * @param fallback what the agent says when it did not understand, per locale
 * @param timeoutMs how long a question waits for its answer
 * @param maxWords the longest reply the agent gives
 * @param llm the LLM profile the agent asks for (a name in the LLM configuration)
 */
public record DefaultsIr(Double confidence, Map<String, String> fallback, Long timeoutMs, Integer maxWords,
		String llm) {

	public static final DefaultsIr NONE = new DefaultsIr(null, Map.of(), null, null, null);

	public DefaultsIr {
		fallback = Ir.ordered(fallback);
	}
}
