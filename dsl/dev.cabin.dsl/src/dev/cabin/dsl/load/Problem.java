package dev.cabin.dsl.load;

import java.nio.file.Path;
import java.util.Locale;

import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.language.TerminalText;

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

	/**
	 * The conventional compiler form: {@code path:line:col: error: message [code]}, with the short form of a
	 * Cabin issue code (see the README's table) when the problem has one. One line whatever the file is called:
	 * control characters in the path and the message are escaped.
	 */
	public String format() {
		String shortCode = CabinIssueCodes.shortCode(code);
		return TerminalText.escaped(file) + ":" + line + ":" + column + ": " + severity.label() + ": "
				+ TerminalText.escaped(message) + (shortCode != null ? " [" + shortCode + "]" : "");
	}
}
