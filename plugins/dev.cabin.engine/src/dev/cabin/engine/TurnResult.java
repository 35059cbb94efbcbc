package dev.cabin.engine;

import java.util.List;

import dev.cabin.engine.nlu.Recognition;

/**
 * The engine's answer to one event.
 *
 * @param recognition what the NLU made of speech, or {@code null} for other events
 * @param intent the intent handled (spoken, or meant by a gesture or trigger), or {@code null}
 * @param flows the flows that started in this turn
 * @param handoff the agent the conversation was handed to, or {@code null}
 * @param fallback whether the agent did not understand
 * @param awaiting whether the agent now waits for an answer (a slot or a yes/no)
 * @param trace the turn's trace
 */
public record TurnResult(List<Reply> replies, Recognition recognition, String intent, List<String> flows,
		List<ToolCall> toolCalls, String handoff, boolean fallback, boolean awaiting, TurnTrace trace) {

	public TurnResult {
		replies = List.copyOf(replies);
		flows = List.copyOf(flows);
		toolCalls = List.copyOf(toolCalls);
	}
}
