package dev.cabin.vss;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.yaml.YamlException;
import dev.cabin.yaml.YamlNode;
import dev.cabin.yaml.YamlReader;

/**
 * Reads a .vspec file and the files it includes ({@code #include FILE [PREFIX]}, resolved next to the including
 * file, then in the include directories) into raw nodes with full paths, in declaration order. A node declared
 * twice keeps the union of its attributes, the later ones winning, as vss-tools does. A {@code .json} file is
 * read as vss-tools exports a tree: nested nodes, each branch with its {@code children}.
 */
final class VspecReader {

	private static final Pattern INCLUDE = Pattern.compile("^\\s*#include\\s+(\\S+)(?:\\s+(\\S+))?\\s*$");

	private record Include(String file, String prefix, int line) {
	}

	private final List<Path> includeDirectories;
	private final List<VssProblem> problems;
	private final List<Path> filesRead;

	/** @param filesRead where each file read is added, in the order read */
	VspecReader(List<Path> includeDirectories, List<VssProblem> problems, List<Path> filesRead) {
		this.includeDirectories = includeDirectories;
		this.problems = problems;
		this.filesRead = filesRead;
	}

	LinkedHashMap<String, RawNode> read(Path file) {
		LinkedHashMap<String, RawNode> nodes = new LinkedHashMap<>();
		read(file.toAbsolutePath().normalize(), "", nodes, new ArrayDeque<>());
		return nodes;
	}

	private void read(Path file, String prefix, Map<String, RawNode> into, Deque<Path> including) {
		String text = readText(file, problems);
		if (text != null) {
			filesRead.add(file);
		}
		List<YamlNode.Entry> entries = text == null ? null : entries(file, text, problems);
		if (entries == null) {
			return;
		}
		if (file.getFileName().toString().endsWith(".json")) {
			readNested(file, entries, prefix, into);
			return;
		}
		String[] lines = text.split("\n", -1);
		List<Include> includes = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			Matcher include = INCLUDE.matcher(lines[i]);
			if (include.matches()) {
				includes.add(new Include(include.group(1), include.group(2), i + 1));
			}
		}
		// entries and includes take effect in the order they stand in the file
		List<Object> inOrder = new ArrayList<>(entries);
		inOrder.addAll(includes);
		inOrder.sort(Comparator.comparingInt(item -> item instanceof Include i ? i.line() : ((YamlNode.Entry) item).key().line()));
		including.push(file);
		for (Object item : inOrder) {
			if (item instanceof Include include) {
				readIncluded(file, include, join(prefix, include.prefix()), into, including);
			} else {
				YamlNode.Entry entry = (YamlNode.Entry) item;
				add(file, entry, join(prefix, entry.name()), into);
			}
		}
		including.pop();
	}

	/* vss-tools' JSON export: {"Vehicle": {"type": "branch", "children": {"Speed": {...}}}} */
	private void readNested(Path file, List<YamlNode.Entry> entries, String prefix, Map<String, RawNode> into) {
		for (YamlNode.Entry entry : entries) {
			String path = join(prefix, entry.name());
			add(file, entry, path, into);
			YamlNode children = entry.value().get("children");
			if (children != null && children.isMapping()) {
				readNested(file, children.entries(), path, into);
			}
		}
	}

	/** The text of a file, or {@code null} after adding the problem that keeps it from being read. */
	static String readText(Path file, List<VssProblem> problems) {
		try {
			return YamlReader.readText(file);
		} catch (YamlException e) {
			problems.add(VssProblem.of(e));
			return null;
		}
	}

	/**
	 * The top-level entries of a YAML document that must be a mapping (an empty document has none);
	 * {@code null} (after adding a problem) when the text is not such a document.
	 */
	static List<YamlNode.Entry> entries(Path file, String text, List<VssProblem> problems) {
		try {
			YamlNode root = YamlReader.parse(file, text).orElse(null);
			if (root == null) {
				return List.of();
			}
			if (!root.isMapping()) {
				problems.add(new VssProblem(file, root.line(), 1, "expected a mapping of names to attributes"));
				return null;
			}
			return root.entries();
		} catch (YamlException e) {
			problems.add(VssProblem.of(e));
			return null;
		}
	}

	private void add(Path file, YamlNode.Entry entry, String path, Map<String, RawNode> into) {
		if (!(entry.value().value() instanceof Map<?, ?> attributes)) {
			problems.add(new VssProblem(file, entry.key().line(), 1,
					"\"" + entry.name() + "\" must have attributes (type, datatype, description, ...)"));
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> typed = new LinkedHashMap<>((Map<String, Object>) attributes);
		typed.remove("children");
		RawNode existing = into.get(path);
		if (existing != null) {
			existing.attributes.putAll(typed);
		} else {
			into.put(path, new RawNode(path, typed, file, entry.key().line()));
		}
	}

	private void readIncluded(Path from, Include include, String prefix, Map<String, RawNode> into,
			Deque<Path> including) {
		Path resolved = resolve(from, include.file());
		if (resolved == null) {
			problems.add(new VssProblem(from, include.line(), 1, "cannot find the included file " + include.file()
					+ " (looked next to this file and in " + includeDirectories + ")"));
		} else if (including.contains(resolved)) {
			problems.add(new VssProblem(from, include.line(), 1, "the file includes itself through " + include.file()));
		} else {
			read(resolved, prefix, into, including);
		}
	}

	private Path resolve(Path from, String name) {
		List<Path> candidates = new ArrayList<>();
		candidates.add(from.getParent().resolve(name));
		for (Path directory : includeDirectories) {
			candidates.add(directory.resolve(name));
		}
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		return null;
	}

	static String join(String prefix, String name) {
		if (name == null || name.isEmpty()) {
			return prefix;
		}
		return prefix.isEmpty() ? name : prefix + "." + name;
	}
}
