package dev.cabin.engine;

/**
 * Something the engine says or does in answer to an event.
 *
 * @param type {@code say} for an authored reply, {@code prompt} for a question that waits for the answer,
 *        {@code generate} for an LLM's reply, {@code fallback} when nothing matched, {@code stop} when the
 *        occupant interrupted the agent's speech (barge-in)
 * @param text the text to speak
 * @param screen the text to show on the display, or {@code null}
 * @param locale the locale of the text
 * @param agent the agent that answered
 * @param intent the intent being handled, or {@code null}
 * @param flow the flow that produced the reply, or {@code null}
 */
public record Reply(String type, String text, String screen, String locale, String agent, String intent,
		String flow) {
}
