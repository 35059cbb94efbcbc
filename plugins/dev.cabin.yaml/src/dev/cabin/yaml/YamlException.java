package dev.cabin.yaml;

import java.nio.file.Path;

/**
 * A file that cannot be read as YAML: missing, unreadable, not UTF-8, or not valid YAML. Its message is
 * {@code file:line:column: problem}.
 */
public final class YamlException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Where the file cannot be read (1-based line and column, character offset) and why.
	 *
	 * @param problem what is wrong, without the location
	 */
	public record Where(Path file, int line, int column, int offset, String problem) {
	}

	private final transient Where where;

	YamlException(Path file, int line, int column, int offset, String problem) {
		super(file + ":" + line + ":" + column + ": " + problem);
		this.where = new Where(file, line, column, offset, problem);
	}

	static YamlException atStart(Path file, String problem) {
		return new YamlException(file, 1, 1, 0, problem);
	}

	public Where where() {
		return where;
	}
}
