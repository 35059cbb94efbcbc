package dev.cabin.llm;

/** An LLM configuration that cannot be used; the message says what to change. */
public class LlmConfigurationException extends Exception {

	private static final long serialVersionUID = 1L;

	public LlmConfigurationException(String message) {
		super(message);
	}
}
