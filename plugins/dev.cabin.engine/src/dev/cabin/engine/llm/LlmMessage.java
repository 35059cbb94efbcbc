package dev.cabin.engine.llm;

import java.util.List;

/**
 * One message of a chat.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param text the text (for a tool message, the tool's result as JSON)
 * @param toolCalls the tool calls of an assistant message
 * @param toolCallId the call a tool message answers, with {@code toolName}
 */
public record LlmMessage(String role, String text, List<LlmToolCall> toolCalls, String toolCallId, String toolName) {

	public LlmMessage {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	public static LlmMessage system(String text) {
		return new LlmMessage("system", text, List.of(), null, null);
	}

	public static LlmMessage user(String text) {
		return new LlmMessage("user", text, List.of(), null, null);
	}

	public static LlmMessage assistant(String text, List<LlmToolCall> toolCalls) {
		return new LlmMessage("assistant", text, toolCalls, null, null);
	}

	public static LlmMessage toolResult(LlmToolCall call, String resultJson) {
		return new LlmMessage("tool", resultJson, List.of(), call.id(), call.name());
	}
}
