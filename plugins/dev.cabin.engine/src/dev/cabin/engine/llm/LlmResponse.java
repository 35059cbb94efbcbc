package dev.cabin.engine.llm;

import java.util.List;

/** The model's answer: text, tool calls, or both. */
public record LlmResponse(String text, List<LlmToolCall> toolCalls) {

	public LlmResponse {
		text = text == null ? "" : text;
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}
}
