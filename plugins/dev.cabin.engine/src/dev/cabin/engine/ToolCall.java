package dev.cabin.engine;

import java.util.Map;

/**
 * A tool call the engine made or refused.
 *
 * @param origin {@code flow}, {@code trigger} or {@code llm}
 * @param outcome {@code done}, {@code simulated} (no handler registered; nothing ran), {@code denied} (a
 *        policy forbids it now), {@code invalid} (undeclared tool or bad arguments), {@code failed} (the handler
 *        threw) or {@code declined} (the occupant said no to the confirmation)
 * @param result what the handler returned, or {@code null}
 * @param reason why it was not done, or {@code null}
 */
public record ToolCall(String tool, Map<String, Object> args, String origin, String outcome, Object result,
		String reason) {

	public ToolCall {
		args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
	}

	public boolean done() {
		return outcome.equals("done") || outcome.equals("simulated");
	}
}
