package dev.cabin.engine.llm;

import java.util.function.Consumer;

/**
 * The engine's port to a large language model: one chat request, one answer (text and/or tool calls).
 * Provider adapters (LangChain4j's OpenAI-compatible, Ollama, Anthropic and Gemini models) live outside the
 * engine; without one the engine runs offline and says the authored fallbacks.
 */
public interface LanguageModel {

	/** Provider and model, for traces: {@code openai/qwen-plus}. Never a key. */
	String name();

	/**
	 * Sends the request and waits for the whole answer.
	 *
	 * @param partials receives the text as it streams in, for models that stream (may be called never)
	 * @throws LlmException when the model could not answer; its kind says whether a retry may help
	 */
	LlmResponse chat(LlmRequest request, Consumer<String> partials) throws LlmException;
}
