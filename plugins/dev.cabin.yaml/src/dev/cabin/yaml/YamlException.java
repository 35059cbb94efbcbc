package dev.cabin.yaml;

import java.nio.file.Path;

/**
 * A file that cannot be read as YAML: missing, unreadable, not UTF-8, or not valid YAML; located by 1-based line
 * and column and by character offset.
 */
public final class YamlException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final int line;
	private final int column;
	private final int offset;
	private final String problem;

	public YamlException(Path file, int line, int column, int offset, String problem) {
		super(file + ":" + line + ":" + column + ": " + problem);
		this.file = file;
		this.line = line;
		this.column = column;
		this.offset = offset;
		this.problem = problem;
	}

	static YamlException atStart(Path file, String problem) {
		return new YamlException(file, 1, 1, 0, problem);
	}

	public Path file() {
		return file;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	public int offset() {
		return offset;
	}

	/** What is wrong, without the location ({@link #getMessage()} is {@code file:line:column: problem}). */
	public String problem() {
		return problem;
	}
}
