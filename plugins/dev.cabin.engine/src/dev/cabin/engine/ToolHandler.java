package dev.cabin.engine;

import java.util.Map;

/**
 * Carries out a tool bound with {@code -> handler "name"}. The engine has validated the arguments against
 * the tool's declaration before the call.
 */
@FunctionalInterface
public interface ToolHandler {

	/** Runs the tool; the result (a number, string, boolean or map) is what later steps see. */
	Object call(Map<String, Object> args) throws Exception;
}
