package dev.cabin.llm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import dev.cabin.engine.llm.FaultPolicy;

/**
 * Which LLM to use and how: read from a properties file and the environment, the environment winning.
 * API keys come only from the environment (the variable that {@code api-key-env} names), never from a file.
 *
 * <pre>
 * provider = openai | ollama | anthropic | gemini   (CABIN_LLM_PROVIDER)
 * model = qwen-plus                                 (CABIN_LLM_MODEL)
 * base-url = https://dashscope.aliyuncs.com/compatible-mode/v1   (CABIN_LLM_BASE_URL)
 * api-key-env = DASHSCOPE_API_KEY                   (CABIN_LLM_API_KEY_ENV; default per provider)
 * stream = true                                     (CABIN_LLM_STREAM)
 * timeout-ms = 8000, retries = 2, backoff-ms = 250, breaker-failures = 3, breaker-open-ms = 30000
 * </pre>
 */
public record LlmSettings(String provider, String model, String baseUrl, String apiKeyEnv, boolean stream,
		FaultPolicy faultPolicy) {

	public static final List<String> PROVIDERS = List.of("openai", "ollama", "anthropic", "gemini");

	private static final Map<String, String> DEFAULT_KEY_ENV = Map.of("openai", "OPENAI_API_KEY", "anthropic",
			"ANTHROPIC_API_KEY", "gemini", "GEMINI_API_KEY");
	private static final Map<String, String> DEFAULT_MODEL = Map.of("openai", "gpt-4o-mini", "ollama", "qwen2.5:3b",
			"anthropic", "claude-3-5-haiku-latest", "gemini", "gemini-2.0-flash");

	/** Settings from a properties file (or none) and the environment; {@code null} when no provider is set. */
	public static LlmSettings load(Path file, Map<String, String> environment) throws LlmConfigurationException {
		Properties properties = new Properties();
		if (file != null) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			} catch (IOException e) {
				throw new LlmConfigurationException("cannot read " + file + ": " + e.getMessage());
			}
			for (String key : List.of("api-key", "api.key", "apiKey", "key")) {
				if (properties.containsKey(key)) {
					throw new LlmConfigurationException(file + ": an API key does not belong in a file; put it in an "
							+ "environment variable and name that variable with api-key-env");
				}
			}
		}
		String provider = setting(properties, environment, "provider");
		if (provider == null) {
			return null;
		}
		provider = provider.toLowerCase(Locale.ROOT);
		if (!PROVIDERS.contains(provider)) {
			throw new LlmConfigurationException("unknown LLM provider \"" + provider + "\" (known: "
					+ String.join(", ", PROVIDERS) + ")");
		}
		String model = setting(properties, environment, "model");
		String keyEnv = setting(properties, environment, "api-key-env");
		FaultPolicy defaults = FaultPolicy.DEFAULT;
		FaultPolicy policy;
		try {
			policy = new FaultPolicy(number(properties, environment, "timeout-ms", defaults.timeoutMs()),
					(int) number(properties, environment, "retries", defaults.retries()),
					number(properties, environment, "backoff-ms", defaults.backoffMs()),
					(int) number(properties, environment, "breaker-failures", defaults.breakerFailures()),
					number(properties, environment, "breaker-open-ms", defaults.breakerOpenMs()));
		} catch (IllegalArgumentException e) {
			throw new LlmConfigurationException(e.getMessage());
		}
		return new LlmSettings(provider, model != null ? model : DEFAULT_MODEL.get(provider),
				setting(properties, environment, "base-url"), keyEnv != null ? keyEnv : DEFAULT_KEY_ENV.get(provider),
				Boolean.parseBoolean(setting(properties, environment, "stream")), policy);
	}

	/** {@code CABIN_LLM_BASE_URL} for {@code base-url}, else the property. */
	private static String setting(Properties properties, Map<String, String> environment, String key) {
		String fromEnvironment = environment.get("CABIN_LLM_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
		String value = fromEnvironment != null ? fromEnvironment : properties.getProperty(key);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static long number(Properties properties, Map<String, String> environment, String key, long fallback)
			throws LlmConfigurationException {
		String value = setting(properties, environment, key);
		if (value == null) {
			return fallback;
		}
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			throw new LlmConfigurationException(key + " must be a whole number, not \"" + value + "\"");
		}
	}
}
