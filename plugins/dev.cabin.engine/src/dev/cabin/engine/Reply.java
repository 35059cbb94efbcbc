package dev.cabin.engine;

/**
 * Something the engine says or does in answer to an event.
 *
 * @param type {@code say} for an authored reply, {@code fallback} when nothing matched
 * @param text the text to speak
 * @param locale the locale of the text
 * @param agent the agent that answered
 * @param intent the recognized intent, or {@code null}
 * @param flow the flow that produced the reply, or {@code null}
 */
public record Reply(String type, String text, String locale, String agent, String intent, String flow) {
}
