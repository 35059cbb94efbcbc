package dev.cabin.llm;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import dev.cabin.engine.Secrets;
import dev.cabin.engine.llm.LanguageModel;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j chat models for the settings, behind the engine's port. Every model gets the JDK HTTP client
 * explicitly (LangChain4j's ServiceLoader lookup fails across OSGi bundles) and no retries of its own: the
 * engine's fault policy retries.
 */
public final class Providers {

	private Providers() {
	}

	/** The model the settings describe, with its API key from the environment. */
	public static LanguageModel create(LlmSettings settings, Map<String, String> environment)
			throws LlmConfigurationException {
		String key = settings.apiKeyEnv() == null ? null : environment.get(settings.apiKeyEnv());
		if (!settings.provider().equals("ollama") && (key == null || key.isBlank())) {
			throw new LlmConfigurationException("the " + settings.provider() + " LLM needs an API key in the environment"
					+ " variable " + settings.apiKeyEnv());
		}
		Secrets.register(key);
		Duration timeout = Duration.ofMillis(settings.faultPolicy().timeoutMs());
		String name = settings.provider() + "/" + settings.model();
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(Providers.class.getClassLoader());
		try {
			return switch (settings.provider()) {
			case "openai" -> settings.stream()
					? ChatModelAdapter.streaming(name, OpenAiStreamingChatModel.builder().httpClientBuilder(http())
							.baseUrl(settings.baseUrl()).apiKey(key).modelName(settings.model()).timeout(timeout).build())
					: ChatModelAdapter.of(name, OpenAiChatModel.builder().httpClientBuilder(http()).baseUrl(settings.baseUrl())
							.apiKey(key).modelName(settings.model()).timeout(timeout).maxRetries(0).build());
			case "ollama" -> settings.stream()
					? ChatModelAdapter.streaming(name, OllamaStreamingChatModel.builder().httpClientBuilder(http())
							.baseUrl(orDefault(settings.baseUrl(), "http://localhost:11434")).modelName(settings.model())
							.timeout(timeout).build())
					: ChatModelAdapter.of(name, OllamaChatModel.builder().httpClientBuilder(http())
							.baseUrl(orDefault(settings.baseUrl(), "http://localhost:11434")).modelName(settings.model())
							.timeout(timeout).maxRetries(0).build());
			case "anthropic" -> settings.stream()
					? ChatModelAdapter.streaming(name, AnthropicStreamingChatModel.builder().httpClientBuilder(http())
							.baseUrl(settings.baseUrl()).apiKey(key).modelName(settings.model()).timeout(timeout).build())
					: ChatModelAdapter.of(name, AnthropicChatModel.builder().httpClientBuilder(http())
							.baseUrl(settings.baseUrl()).apiKey(key).modelName(settings.model()).timeout(timeout)
							.maxRetries(0).build());
			default -> settings.stream()
					? ChatModelAdapter.streaming(name, GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(http())
							.baseUrl(settings.baseUrl()).apiKey(key).modelName(settings.model()).timeout(timeout).build())
					: ChatModelAdapter.of(name, GoogleAiGeminiChatModel.builder().httpClientBuilder(http())
							.baseUrl(settings.baseUrl()).apiKey(key).modelName(settings.model()).timeout(timeout)
							.maxRetries(0).build());
			};
		} finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	private static JdkHttpClientBuilder http() {
		return new JdkHttpClientBuilder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
	}

	private static String orDefault(String value, String fallback) {
		return value != null ? value : fallback;
	}
}
