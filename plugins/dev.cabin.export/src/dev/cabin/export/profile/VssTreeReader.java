package dev.cabin.export.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.export.ExportIssues;

/**
 * Reads the VSS nodes of a vehicle from the two forms a VSS tree travels in without further tooling:
 * <ul>
 * <li>a {@code .json} file as vss-tools exports a tree: nested nodes with {@code type} and {@code children};</li>
 * <li>a {@code .vspec} (YAML) file of fully written paths, the form of VSS overlays: {@code Vehicle.Speed:} with
 * {@code type:}; an overlay node with {@code delete: true} removes the node and everything below it.</li>
 * </ul>
 * {@code #include} and {@code instances} are not expanded here: a tree that uses them is exported with vss-tools
 * first.
 */
final class VssTreeReader {

	private static final Set<String> TYPES = Set.of(VehicleSignals.BRANCH, VehicleSignals.SENSOR,
			VehicleSignals.ACTUATOR, VehicleSignals.ATTRIBUTE);
	private static final Pattern INCLUDE = Pattern.compile("(?m)^#include\\b");
	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private final List<Problem> problems;
	private final List<String> fileHashes = new ArrayList<>();

	VssTreeReader(List<Problem> problems) {
		this.problems = problems;
	}

	/** The SHA-256 of each file read, in order. */
	List<String> fileHashes() {
		return fileHashes;
	}

	/** Adds (or, for overlays, removes) the nodes of the file to {@code nodes}. */
	void read(Path file, Map<String, String> nodes) {
		byte[] bytes = YamlMap.read(file, problems, ExportIssues.PROFILE_SIGNAL_FILE);
		if (bytes != null) {
			fileHashes.add(PackageFormat.sha256(bytes));
		}
		Node root = bytes == null ? null : YamlMap.parse(file, bytes, problems, ExportIssues.PROFILE_SIGNAL_FILE);
		if (root == null) {
			return;
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.add(YamlMap.at(file, root.getStartMark()).error(ExportIssues.PROFILE_SIGNAL_FILE,
					"a VSS tree must be a mapping of node names to nodes"));
			return;
		}
		if (file.getFileName().toString().endsWith(".json")) {
			readNested(file, mapping, "", nodes);
		} else {
			checkNoIncludes(file, new String(bytes, StandardCharsets.UTF_8));
			for (NodeTuple tuple : mapping.getValue()) {
				String path = name(file, tuple);
				if (path != null) {
					readNode(file, tuple.getValueNode(), path, nodes);
				}
			}
		}
	}

	private void checkNoIncludes(Path file, String text) {
		Matcher include = INCLUDE.matcher(text);
		if (include.find()) {
			int line = (int) text.substring(0, include.start()).chars().filter(c -> c == '\n').count() + 1;
			problems.add(new Location(file, line, 1, include.start()).error(ExportIssues.PROFILE_SIGNAL_FILE,
					"#include is not expanded here; export the tree to one file with vss-tools (vspec export json)"
							+ " and name that file"));
		}
	}

	private String name(Path file, NodeTuple tuple) {
		String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
		if (name == null || !Arrays.stream(name.split("\\.", -1)).allMatch(s -> SEGMENT.matcher(s).matches())) {
			problems.add(YamlMap.at(file, tuple.getKeyNode().getStartMark()).error(ExportIssues.PROFILE_SIGNAL_FILE,
					"\"" + name + "\" is not a VSS path (names separated by dots, e.g. Vehicle.Cabin.Sunroof)"));
			return null;
		}
		return name;
	}

	private void readNested(Path file, MappingNode mapping, String parent, Map<String, String> nodes) {
		for (NodeTuple tuple : mapping.getValue()) {
			String name = name(file, tuple);
			if (name == null) {
				continue;
			}
			String path = parent.isEmpty() ? name : parent + "." + name;
			YamlMap node = readNode(file, tuple.getValueNode(), path, nodes);
			if (node != null && node.value("children") instanceof MappingNode children) {
				readNested(file, children, path, nodes);
			}
		}
	}

	private YamlMap readNode(Path file, Node value, String path, Map<String, String> nodes) {
		YamlMap node = YamlMap.of(file, value, path, problems, null);
		if (node == null) {
			return null;
		}
		if (node.keys().contains("instances")) {
			problems.add(node.location("instances").error(ExportIssues.PROFILE_SIGNAL_FILE, "\"" + path
					+ "\" uses instances, which are not expanded here; export the tree with vss-tools first"));
			return null;
		}
		if (node.keys().contains("delete") && node.flag("delete", false)) {
			nodes.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "."));
			return null;
		}
		String type = node.text("type", true, "sensor");
		if (type == null) {
			return null;
		}
		if (!TYPES.contains(type)) {
			node.bad(node.value("type"), "\"" + path + "\" has type \"" + type
					+ "\"; VSS node types are branch, sensor, actuator and attribute");
			return null;
		}
		nodes.put(path, type);
		return node;
	}
}
