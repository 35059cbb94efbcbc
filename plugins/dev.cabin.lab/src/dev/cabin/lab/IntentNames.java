package dev.cabin.lab;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How corpus labels become names in a {@code .cabin} file, and back. A label that is a name (letters, digits and
 * underscores, not starting with a digit) stays as it is, so that the lab test compares the engine's intents
 * with the corpus' labels directly; any other character becomes an underscore. A label that is a keyword of
 * the language ({@code timer}, {@code yes}) gets a trailing underscore ({@code timer_}): a keyword can be
 * declared as a name with {@code ^}, but not referred to.
 */
public final class IntentNames {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private IntentNames() {
	}

	/** The name of a corpus label. */
	public static String of(String label, Set<String> keywords) {
		String name = label;
		if (!NAME.matcher(name).matches()) {
			name = label.strip().replaceAll("[^A-Za-z0-9_]", "_");
			name = name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
		}
		return keywords.contains(name) ? name + "_" : name;
	}

	/** The name among {@code names} that {@link #of} gave a label, whatever the keywords were; or {@code null}. */
	public static String find(String label, Set<String> names) {
		String name = of(label, Set.of());
		if (names.contains(name)) {
			return name;
		}
		return names.contains(name + "_") ? name + "_" : null;
	}
}
