package dev.cabin.vss;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cabin.yaml.YamlNode;

/**
 * Loads a VSS catalogue from .vspec files: the standard tree with its includes, struct types, units, and
 * overlays; or the default catalogue with overlays. Never throws for bad input: problems are located and
 * returned with whatever could be loaded.
 */
public final class VssLoader {

	private static final Path DEFAULT_SOURCE = Path.of("default VSS catalogue");

	private VssLoader() {
	}

	public static VssLoadResult load(VssSources sources) {
		List<VssProblem> problems = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		VssTree tree;
		List<VssUnit> units;
		if (sources.usesDefaultCatalogue()) {
			VssCatalogue base = DefaultCatalogue.get();
			tree = VssTree.of(base, DEFAULT_SOURCE, problems);
			units = new ArrayList<>(base.units());
		} else {
			tree = new VssTree(sources.spec(), problems);
			VspecReader reader = new VspecReader(sources.includeDirectories(), problems, files);
			tree.apply(reader.read(sources.spec()));
			for (Path types : sources.types()) {
				tree.apply(reader.read(types));
			}
			units = List.of();
			if (sources.units() != null) {
				files.add(sources.units().toAbsolutePath().normalize());
				units = readUnits(sources.units(), problems);
			}
		}
		VspecReader overlayReader = new VspecReader(sources.includeDirectories(), problems, files);
		for (Path overlay : sources.overlays()) {
			tree.apply(overlayReader.read(overlay));
		}
		return new VssLoadResult(catalogue(tree, units, problems), problems, files);
	}

	/** Reads a units.yaml file: unit ids with their names and quantities. */
	public static List<VssUnit> readUnits(Path file, List<VssProblem> problems) {
		String text = VspecReader.readText(file, problems);
		List<YamlNode.Entry> entries = text == null ? null : VspecReader.entries(file, text, problems);
		List<VssUnit> units = new ArrayList<>();
		for (YamlNode.Entry entry : entries == null ? List.<YamlNode.Entry>of() : entries) {
			if (entry.value().value() instanceof Map<?, ?> attributes) {
				units.add(new VssUnit(entry.name(), text(attributes.get("unit")), text(attributes.get("quantity"))));
			} else {
				problems.add(new VssProblem(file, entry.key().line(), 1, "unit " + entry.name() + " must have attributes"));
			}
		}
		return units;
	}

	/* Turns the tree's attribute maps into nodes, checking what the catalogue's users rely on. */
	private static VssCatalogue catalogue(VssTree tree, Collection<VssUnit> units, List<VssProblem> problems) {
		Map<String, VssUnit> unitsById = new LinkedHashMap<>();
		units.forEach(unit -> unitsById.put(unit.id(), unit));
		Map<String, Map<String, Object>> nodes = tree.nodes();
		List<String> structs = nodes.entrySet().stream()
				.filter(node -> "struct".equals(node.getValue().get("type"))).map(Map.Entry::getKey).toList();
		List<VssNode> result = new ArrayList<>();
		for (Map.Entry<String, Map<String, Object>> entry : nodes.entrySet()) {
			String path = entry.getKey();
			Map<String, Object> attributes = entry.getValue();
			NodeType type = NodeType.ofLabel(text(attributes.get("type")));
			if (type == null) {
				tree.problem(path, attributes.get("type") == null ? "the node has no type"
						: "unknown type \"" + attributes.get("type") + "\" (branch, sensor, actuator, attribute, struct, property)");
				continue;
			}
			String datatype = text(attributes.get("datatype"));
			if (datatype == null && (type.hasValue() || type == NodeType.PROPERTY)) {
				tree.problem(path, "a " + type.label() + " needs a datatype");
			} else if (datatype != null) {
				datatype = resolveDatatype(tree, path, datatype, structs);
			}
			String unit = text(attributes.get("unit"));
			if (unit != null && !unitsById.isEmpty() && !unitsById.containsKey(unit)) {
				tree.problem(path, "unknown unit \"" + unit + "\"");
			}
			result.add(new VssNode(path, type, datatype, unit, number(attributes.get("min")),
					number(attributes.get("max")), allowed(attributes), text(attributes.get("description")),
					type == NodeType.BRANCH ? tree.instanceLevels(path) : List.of()));
		}
		return new VssCatalogue(result, unitsById.values());
	}

	/* A struct datatype may be named by its full path or by the part of it that is unique. */
	private static String resolveDatatype(VssTree tree, String path, String datatype, List<String> structs) {
		boolean array = datatype.endsWith("[]");
		String base = array ? datatype.substring(0, datatype.length() - 2) : datatype;
		if (VssNode.PRIMITIVES.contains(base)) {
			return datatype;
		}
		List<String> matches = structs.stream().filter(s -> s.equals(base) || s.endsWith("." + base)).toList();
		Optional<String> exact = matches.stream().filter(base::equals).findFirst();
		if (exact.isPresent() || matches.size() == 1) {
			return exact.orElse(matches.get(0)) + (array ? "[]" : "");
		}
		tree.problem(path, matches.isEmpty() ? "unknown datatype \"" + datatype + "\""
				: "the datatype \"" + datatype + "\" could be any of " + matches);
		return datatype;
	}

	private static List<String> allowed(Map<String, Object> attributes) {
		if (attributes.get("allowed") instanceof List<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (attributes.get("enum") instanceof Map<?, ?> named) {
			return named.keySet().stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	private static String text(Object value) {
		return value == null ? null : String.valueOf(value).strip();
	}

	private static Double number(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text) {
			try {
				return Double.parseDouble(text);
			} catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}
}
