package dev.cabin.engine.llm;

/** A tool call the model asked for; the engine validates it before anything runs. */
public record LlmToolCall(String id, String name, String argumentsJson) {
}
