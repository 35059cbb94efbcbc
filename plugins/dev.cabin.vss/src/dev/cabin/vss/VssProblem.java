package dev.cabin.vss;

import java.nio.file.Path;

import dev.cabin.yaml.YamlException;

/**
 * Something wrong in a VSS tree, an overlay or a facts file, located by file, line and column (1-based; 1 when
 * only the file is known).
 */
public record VssProblem(Path file, int line, int column, String message) {

	/** The problem of a file that could not be read as YAML. */
	public static VssProblem of(YamlException unreadable) {
		YamlException.Where where = unreadable.where();
		return new VssProblem(where.file(), where.line(), where.column(), where.problem());
	}

	/** The conventional form: {@code path:line:col: message}. */
	public String format() {
		return file + ":" + line + ":" + column + ": " + message;
	}
}
