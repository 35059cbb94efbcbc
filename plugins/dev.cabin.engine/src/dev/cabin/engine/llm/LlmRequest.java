package dev.cabin.engine.llm;

import java.util.List;

/** A chat request: the conversation so far and the tools the model may call (only declared ones). */
public record LlmRequest(List<LlmMessage> messages, List<LlmTool> tools) {

	public LlmRequest {
		messages = List.copyOf(messages);
		tools = List.copyOf(tools);
	}
}
