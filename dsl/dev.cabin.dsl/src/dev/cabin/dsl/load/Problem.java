package dev.cabin.dsl.load;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A diagnostic about a source file, located by line and column (both 1-based) and by character offset and
 * length (for editors).
 *
 * @param code the stable issue code (tests and quick fixes rely on it), or {@code null}
 */
public record Problem(Path file, int line, int column, int offset, int length, Severity severity, String message,
		String code) {

	public enum Severity {
		ERROR, WARNING, INFO;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The conventional compiler form: {@code path:line:col: error: message}. */
	public String format() {
		return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
	}
}
