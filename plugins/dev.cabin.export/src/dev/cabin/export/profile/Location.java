package dev.cabin.export.profile;

import java.nio.file.Path;

import dev.cabin.dsl.load.Problem;

/** A place in a file (1-based line and column) that a problem can point at. */
public record Location(Path file, int line, int column, int offset) {

	public static Location startOf(Path file) {
		return new Location(file, 1, 1, 0);
	}

	public Problem error(String code, String message) {
		return problem(Problem.Severity.ERROR, code, message);
	}

	public Problem problem(Problem.Severity severity, String code, String message) {
		return new Problem(file, line, column, offset, 0, severity, message, code);
	}
}
