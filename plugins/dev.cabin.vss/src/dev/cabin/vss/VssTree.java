package dev.cabin.vss;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expanded VSS tree under construction: raw nodes are placed into it with their instances spelled out, and
 * overlays are applied on top (they add nodes, change attributes, change a branch's instances, or delete nodes).
 * The same placement serves the standard tree and overlays, so that an overlay node below an instantiated branch
 * lands in every instance, as in vss-tools.
 */
final class VssTree {

	private static final Pattern RANGE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+),\\s*(\\d+)\\]$");

	private final LinkedHashMap<String, Map<String, Object>> nodes = new LinkedHashMap<>();
	private final Map<String, RawNode> origins = new HashMap<>();
	private final List<VssProblem> problems;
	private final Path source;

	/** @param source where nodes come from when no .vspec file declared them (problems name it) */
	VssTree(Path source, List<VssProblem> problems) {
		this.source = source;
		this.problems = problems;
	}

	/** A tree holding the nodes of a catalogue, for overlays to be applied on it. */
	static VssTree of(VssCatalogue catalogue, Path source, List<VssProblem> problems) {
		VssTree tree = new VssTree(source, problems);
		for (VssNode node : catalogue.nodes()) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("type", node.type().label());
			putIfPresent(attributes, "datatype", node.datatype());
			putIfPresent(attributes, "unit", node.unit());
			putIfPresent(attributes, "min", node.min());
			putIfPresent(attributes, "max", node.max());
			if (!node.allowed().isEmpty()) {
				attributes.put("allowed", new ArrayList<>(node.allowed()));
			}
			attributes.put("description", node.description());
			if (!node.instances().isEmpty()) {
				attributes.put("instances", new ArrayList<Object>(node.instances()));
			}
			tree.nodes.put(node.path(), attributes);
		}
		return tree;
	}

	private static void putIfPresent(Map<String, Object> attributes, String key, Object value) {
		if (value != null) {
			attributes.put(key, value);
		}
	}

	Map<String, Map<String, Object>> nodes() {
		return nodes;
	}

	/** Where a node of the tree was declared (for problems), or {@code null} when it came from a catalogue. */
	RawNode origin(String path) {
		return origins.get(path);
	}

	/** Places every raw node: those whose parent the raw nodes do not declare are placed into the tree as it is. */
	void apply(Map<String, RawNode> raw) {
		Map<String, List<RawNode>> children = new HashMap<>();
		List<RawNode> subtrees = new ArrayList<>();
		for (RawNode node : raw.values()) {
			if (raw.containsKey(node.parentPath())) {
				children.computeIfAbsent(node.parentPath(), p -> new ArrayList<>()).add(node);
			} else {
				subtrees.add(node);
			}
		}
		for (RawNode node : subtrees) {
			place(node, node.path, children);
		}
	}

	private void place(RawNode raw, String path, Map<String, List<RawNode>> children) {
		if (Boolean.TRUE.equals(raw.attributes.get("delete"))) {
			if (!nodes.containsKey(path)) {
				problems.add(raw.problem("cannot delete " + path + ": there is no such node"));
			}
			removeSubtree(path, true);
			return;
		}
		if (nodes.containsKey(path)) {
			merge(raw, path);
		} else {
			String parent = parentOf(path);
			if (!parent.isEmpty() && !nodes.containsKey(parent)) {
				problems.add(raw.problem("there is no branch " + parent + " for " + path));
				return;
			}
			List<List<String>> parentLevels = parent.isEmpty() ? List.of() : levels(parent);
			if (!parentLevels.isEmpty() && !Boolean.FALSE.equals(raw.attributes.get("instantiate"))) {
				for (String combination : combinations(parentLevels)) {
					place(raw, parent + "." + combination + "." + raw.name(), children);
				}
				return;
			}
			Map<String, Object> attributes = new LinkedHashMap<>(raw.attributes);
			nodes.put(path, attributes);
			origins.put(path, raw);
			createInstanceBranches(path, levels(path));
		}
		for (RawNode child : children.getOrDefault(raw.path, List.of())) {
			place(child, path + "." + child.name(), children);
		}
	}

	private void merge(RawNode raw, String path) {
		Map<String, Object> attributes = nodes.get(path);
		List<List<String>> before = levels(path);
		attributes.putAll(raw.attributes);
		origins.put(path, raw);
		List<List<String>> after = levels(path);
		if (!before.equals(after)) {
			reinstantiate(path, before, after);
		}
	}

	/*
	 * A branch's instances changed (an overlay gives the vehicle three rows of doors): the nodes of its first
	 * instance serve as the template of every new instance.
	 */
	private void reinstantiate(String path, List<List<String>> before, List<List<String>> after) {
		String templateRoot = before.isEmpty() ? path : path + "." + combinations(before).get(0);
		List<Map.Entry<String, Map<String, Object>>> template = new ArrayList<>();
		for (Map.Entry<String, Map<String, Object>> node : nodes.entrySet()) {
			String key = node.getKey();
			if (key.startsWith(templateRoot + ".") && (!before.isEmpty()
					|| !Boolean.FALSE.equals(nodes.get(firstLevelBelow(path, key)).get("instantiate")))) {
				template.add(Map.entry(key.substring(templateRoot.length() + 1), node.getValue()));
			}
		}
		if (before.isEmpty()) {
			for (Map.Entry<String, Map<String, Object>> node : template) {
				nodes.remove(path + "." + node.getKey());
			}
		} else {
			for (String instance : before.get(0)) {
				removeSubtree(path + "." + instance, true);
			}
		}
		createInstanceBranches(path, after);
		for (String combination : combinations(after)) {
			for (Map.Entry<String, Map<String, Object>> node : template) {
				nodes.put(path + "." + combination + "." + node.getKey(), new LinkedHashMap<>(node.getValue()));
			}
		}
	}

	private static String firstLevelBelow(String path, String descendant) {
		int end = descendant.indexOf('.', path.length() + 1);
		return end < 0 ? descendant : descendant.substring(0, end);
	}

	/* Instance branches depth first, so that Row1, Row1.DriverSide, Row1.PassengerSide, Row2, ... */
	private void createInstanceBranches(String path, List<List<String>> levels) {
		createInstanceBranches(path, levels, 0, nodes.get(path).get("description"));
	}

	private void createInstanceBranches(String prefix, List<List<String>> levels, int level, Object description) {
		if (level == levels.size()) {
			return;
		}
		for (String instance : levels.get(level)) {
			String instancePath = prefix + "." + instance;
			nodes.computeIfAbsent(instancePath, p -> {
				Map<String, Object> branch = new LinkedHashMap<>();
				branch.put("type", "branch");
				branch.put("description", description);
				return branch;
			});
			createInstanceBranches(instancePath, levels, level + 1, description);
		}
	}

	private void removeSubtree(String path, boolean includingRoot) {
		nodes.keySet().removeIf(key -> key.startsWith(path + ".") || (includingRoot && key.equals(path)));
	}

	/** The instance levels a node declares; empty when it declares none or they are malformed (reported). */
	private List<List<String>> levels(String path) {
		Object instances = nodes.get(path).get("instances");
		if (instances == null) {
			return List.of();
		}
		List<List<String>> levels = new ArrayList<>();
		if (instances instanceof String single) {
			levels.add(expand(single, path));
		} else if (instances instanceof List<?> list) {
			boolean oneLevel = list.stream().allMatch(item -> item instanceof String s && !RANGE.matcher(s).matches());
			if (oneLevel) {
				levels.add(list.stream().map(String.class::cast).toList());
			} else {
				for (Object item : list) {
					levels.add(expandLevel(item, path));
				}
			}
		} else {
			problem(path, "instances must be a name, a range such as Row[1,2], or a list of them");
		}
		levels.removeIf(List::isEmpty);
		return levels;
	}

	private List<String> expandLevel(Object level, String path) {
		if (level instanceof String name) {
			return expand(name, path);
		}
		List<String> names = new ArrayList<>();
		if (level instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof String name) {
					names.addAll(expand(name, path));
				} else {
					problem(path, "an instance must be a name, not " + item);
				}
			}
		} else {
			problem(path, "an instance level must be a name, a range or a list, not " + level);
		}
		return names;
	}

	private List<String> expand(String instance, String path) {
		Matcher range = RANGE.matcher(instance);
		if (!range.matches()) {
			return List.of(instance);
		}
		int from = Integer.parseInt(range.group(2));
		int to = Integer.parseInt(range.group(3));
		if (from > to) {
			problem(path, "the instance range " + instance + " is empty");
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			names.add(range.group(1) + i);
		}
		return names;
	}

	/** Every combination of one instance per level, as a path fragment: Row1.DriverSide, Row1.PassengerSide, ... */
	private static List<String> combinations(List<List<String>> levels) {
		List<String> combinations = List.of("");
		for (List<String> level : levels) {
			List<String> next = new ArrayList<>();
			for (String prefix : combinations) {
				for (String instance : level) {
					next.add(prefix.isEmpty() ? instance : prefix + "." + instance);
				}
			}
			combinations = next;
		}
		return combinations;
	}

	/** The expanded instance levels of a node, for the catalogue. */
	List<List<String>> instanceLevels(String path) {
		return levels(path);
	}

	void problem(String path, String message) {
		RawNode origin = origins.get(path);
		problems.add(origin != null ? origin.problem(path + ": " + message)
				: new VssProblem(source, 1, 1, path + ": " + message));
	}

	private static String parentOf(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(0, dot);
	}
}
