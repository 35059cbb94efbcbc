package dev.cabin.engine;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Secrets that must never be written or said: the API keys the host registered, and anything that looks like a
 * key. Traces and replies are masked with it, whoever wrote the text (an LLM endpoint may echo the key it was
 * sent).
 */
public final class Secrets {

	private static final Pattern KEY_LIKE = Pattern.compile(
			"(sk-[A-Za-z0-9_\\-]{8,}|Bearer\\s+[A-Za-z0-9._\\-]{8,}|AIza[0-9A-Za-z_\\-]{20,})");
	private static final String MASK = "***";
	private static final Set<String> REGISTERED = new CopyOnWriteArraySet<>();

	private Secrets() {
	}

	/** A secret (an API key) that must never be written, wherever it turns up; too short to mask is ignored. */
	public static void register(String secret) {
		if (secret != null && secret.length() >= 4) {
			REGISTERED.add(secret);
		}
	}

	/** The text with every registered secret and every key-like string replaced by {@code ***}; null stays null. */
	public static String masked(String text) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String secret : REGISTERED) {
			masked = masked.replace(secret, MASK);
		}
		return KEY_LIKE.matcher(masked).replaceAll(MASK);
	}
}
