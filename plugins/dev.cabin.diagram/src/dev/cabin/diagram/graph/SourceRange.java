package dev.cabin.diagram.graph;

/**
 * Where a diagram element is written: the file (as the caller names it), character offset and length, the
 * 1-based line and column of its first character and of the position just after its last one.
 */
public record SourceRange(String file, int offset, int length, int startLine, int startColumn, int endLine,
		int endColumn) {

	/** {@code file:line:col-line:col}, the form of the SVG's {@code data-source} attribute. */
	public String format() {
		return file + ":" + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
	}

	public boolean contains(int characterOffset) {
		return characterOffset >= offset && characterOffset <= offset + length;
	}
}
