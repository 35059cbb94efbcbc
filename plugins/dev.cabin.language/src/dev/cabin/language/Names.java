package dev.cabin.language;

import java.util.Locale;

/**
 * Names as the agent speaks them where an author wrote no words for them: an intent {@code OpenSunroof} is
 * "open sunroof", a signal {@code Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature} is "engine
 * coolant temperature" (the signal with its branch, since the last name alone is often just "temperature"), a
 * slot {@code temp} is "temp". The validator's messages and the engine's replies use the same words.
 */
public final class Names {

	private Names() {
	}

	/** The words of a name or a dotted path, lower case. */
	public static String spoken(String name) {
		String[] parts = name.split("\\.");
		String last = parts[parts.length - 1];
		String words = parts.length > 1 ? parts[parts.length - 2] + " " + last : last;
		return words.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_", " ").strip().replaceAll(" +", " ")
				.toLowerCase(Locale.ROOT);
	}
}
