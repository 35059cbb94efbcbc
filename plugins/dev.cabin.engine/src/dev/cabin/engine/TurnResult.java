package dev.cabin.engine;

import java.util.List;

import dev.cabin.engine.nlu.Recognition;

/** The engine's answer to one event: its replies and, for speech, what it recognized. */
public record TurnResult(List<Reply> replies, Recognition recognition) {

	public TurnResult {
		replies = List.copyOf(replies);
	}
}
