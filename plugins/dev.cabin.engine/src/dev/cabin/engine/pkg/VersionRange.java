package dev.cabin.engine.pkg;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions written as comparators that all must hold, separated by spaces:
 * {@code ">=0.1.0 <1.0.0"}, {@code "=0.3.2"}, {@code "0.3.2"} (exactly that version).
 */
public final class VersionRange {

	private record Comparator(String operator, SemanticVersion version) {

		boolean accepts(SemanticVersion candidate) {
			int order = candidate.compareTo(version);
			return switch (operator) {
			case ">=" -> order >= 0;
			case ">" -> order > 0;
			case "<=" -> order <= 0;
			case "<" -> order < 0;
			default -> order == 0;
			};
		}
	}

	private final String text;
	private final List<Comparator> comparators;

	private VersionRange(String text, List<Comparator> comparators) {
		this.text = text;
		this.comparators = comparators;
	}

	public static VersionRange parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("an empty version range; write e.g. \">=0.1.0 <1.0.0\"");
		}
		List<Comparator> comparators = new ArrayList<>();
		for (String part : text.trim().split("\\s+")) {
			String operator = part.startsWith(">=") || part.startsWith("<=") ? part.substring(0, 2)
					: part.startsWith(">") || part.startsWith("<") || part.startsWith("=") ? part.substring(0, 1) : "=";
			String version = part.startsWith(operator) ? part.substring(operator.length()) : part;
			try {
				comparators.add(new Comparator(operator, SemanticVersion.parse(version)));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("in the version range \"" + text + "\": " + e.getMessage(), e);
			}
		}
		return new VersionRange(text.trim(), comparators);
	}

	/** The versions compatible with {@code version} by semantic versioning: the same major, or for 0.x the same minor. */
	public static VersionRange compatibleWith(SemanticVersion version) {
		String upper = version.major() > 0 ? (version.major() + 1) + ".0.0" : "0." + (version.minor() + 1) + ".0";
		return parse(">=" + version.major() + "." + version.minor() + "." + version.patch() + " <" + upper);
	}

	public boolean contains(SemanticVersion version) {
		return comparators.stream().allMatch(c -> c.accepts(version));
	}

	@Override
	public String toString() {
		return text;
	}
}
