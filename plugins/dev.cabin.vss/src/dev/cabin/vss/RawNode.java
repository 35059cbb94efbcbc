package dev.cabin.vss;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A node as a .vspec file declares it: full path before instance expansion, attributes, and where it stands. */
final class RawNode {

	final String path;
	final Map<String, Object> attributes = new LinkedHashMap<>();
	final Path file;
	final int line;

	RawNode(String path, Map<String, Object> attributes, Path file, int line) {
		this.path = path;
		this.attributes.putAll(attributes);
		this.file = file;
		this.line = line;
	}

	String name() {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	String parentPath() {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(0, dot);
	}

	VssProblem problem(String message) {
		return new VssProblem(file, line, 1, message);
	}
}
