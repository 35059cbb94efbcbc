package dev.cabin.engine.llm;

import java.util.List;

/** A tool offered to the model: a declared tool of the agent, or one the engine defines (choosing an intent). */
public record LlmTool(String name, String description, List<Param> params) {

	public LlmTool {
		params = List.copyOf(params);
	}

	/**
	 * @param type {@code number}, {@code string} or {@code boolean}
	 * @param allowed the only values allowed (an entity's values), or empty
	 */
	public record Param(String name, String type, String description, List<String> allowed, boolean required) {
		public Param {
			allowed = List.copyOf(allowed);
		}
	}
}
