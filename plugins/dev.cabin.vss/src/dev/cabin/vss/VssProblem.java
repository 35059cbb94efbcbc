package dev.cabin.vss;

import java.nio.file.Path;

/**
 * Something wrong in a VSS tree, an overlay or a facts file, located by file, line and column (1-based; 1 when
 * only the file is known).
 */
public record VssProblem(Path file, int line, int column, String message) {

	/** The conventional form: {@code path:line:col: message}. */
	public String format() {
		return file + ":" + line + ":" + column + ": " + message;
	}
}
