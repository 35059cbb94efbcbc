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

/**
 * Reads a .vspec file and the files it includes ({@code #include FILE [PREFIX]}, resolved next to the including
 * file, then in the include directories) into raw nodes with full paths, in declaration order. A node declared
 * twice keeps the union of its attributes, the later ones winning, as vss-tools does.
 */
final class VspecReader {

	private static final Pattern INCLUDE = Pattern.compile("^\\s*#include\\s+(\\S+)(?:\\s+(\\S+))?\\s*$");

	private record Include(String file, String prefix, int line) {
	}

	private final List<Path> includeDirectories;
	private final List<VssProblem> problems;

	VspecReader(List<Path> includeDirectories, List<VssProblem> problems) {
		this.includeDirectories = includeDirectories;
		this.problems = problems;
	}

	LinkedHashMap<String, RawNode> read(Path file) {
		LinkedHashMap<String, RawNode> nodes = new LinkedHashMap<>();
		read(file.toAbsolutePath().normalize(), "", nodes, new ArrayDeque<>());
		return nodes;
	}

	private void read(Path file, String prefix, Map<String, RawNode> into, Deque<Path> including) {
		String text = YamlDocuments.readText(file, problems);
		if (text == null) {
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
		List<YamlDocuments.Entry> entries = YamlDocuments.topLevelEntries(file, text, problems);
		if (entries == null) {
			return;
		}
		// entries and includes take effect in the order they stand in the file
		List<Object> inOrder = new ArrayList<>(entries);
		inOrder.addAll(includes);
		inOrder.sort(Comparator.comparingInt(item -> item instanceof Include i ? i.line() : ((YamlDocuments.Entry) item).line()));
		including.push(file);
		for (Object item : inOrder) {
			if (item instanceof Include include) {
				readIncluded(file, include, join(prefix, include.prefix()), into, including);
			} else {
				YamlDocuments.Entry entry = (YamlDocuments.Entry) item;
				add(file, entry, join(prefix, entry.key()), into);
			}
		}
		including.pop();
	}

	private void add(Path file, YamlDocuments.Entry entry, String path, Map<String, RawNode> into) {
		if (!(entry.value() instanceof Map<?, ?> attributes)) {
			problems.add(new VssProblem(file, entry.line(), 1,
					"\"" + entry.key() + "\" must have attributes (type, datatype, description, ...)"));
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> typed = (Map<String, Object>) attributes;
		RawNode existing = into.get(path);
		if (existing != null) {
			existing.attributes.putAll(typed);
		} else {
			into.put(path, new RawNode(path, typed, file, entry.line()));
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
