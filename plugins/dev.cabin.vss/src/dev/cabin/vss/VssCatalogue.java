package dev.cabin.vss;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An expanded VSS tree (every instance spelled out) with its units: what paths exist, what each one is, and which
 * paths lie below a branch. Immutable and safe to share between threads.
 */
public final class VssCatalogue {

	/* How authors write some units in conditions, besides the VSS unit ids themselves. */
	private static final Map<String, String> UNIT_ALIASES = Map.of("%", "percent", "°C", "Celsius", "°F",
			"Fahrenheit", "°", "degrees", "kph", "km/h", "sec", "s");

	private final Map<String, VssNode> nodes;
	private final Map<String, List<VssNode>> children;
	private final Map<String, VssUnit> units;

	public VssCatalogue(Collection<VssNode> nodes, Collection<VssUnit> units) {
		Map<String, VssNode> byPath = new LinkedHashMap<>();
		Map<String, List<VssNode>> byParent = new HashMap<>();
		for (VssNode node : nodes) {
			byPath.put(node.path(), node);
			byParent.computeIfAbsent(node.parentPath(), p -> new ArrayList<>()).add(node);
		}
		byParent.replaceAll((parent, list) -> List.copyOf(list));
		Map<String, VssUnit> unitsById = new LinkedHashMap<>();
		for (VssUnit unit : units) {
			unitsById.put(unit.id(), unit);
		}
		this.nodes = Collections.unmodifiableMap(byPath);
		this.children = Collections.unmodifiableMap(byParent);
		this.units = Collections.unmodifiableMap(unitsById);
	}

	/** The node at a full path ({@code Vehicle.Cabin.Door.Row1.DriverSide.IsOpen}). */
	public Optional<VssNode> node(String path) {
		return Optional.ofNullable(nodes.get(path));
	}

	public boolean contains(String path) {
		return nodes.containsKey(path);
	}

	/** The nodes directly below a path, in the order the spec declares them; the roots for the empty path. */
	public List<VssNode> children(String path) {
		return children.getOrDefault(path, List.of());
	}

	public Collection<VssNode> nodes() {
		return nodes.values();
	}

	public int size() {
		return nodes.size();
	}

	public Collection<VssUnit> units() {
		return units.values();
	}

	public Optional<VssUnit> unit(String id) {
		return Optional.ofNullable(units.get(id));
	}

	/**
	 * The unit id that an author's spelling means: a VSS unit id ({@code km/h}), a common symbol ({@code %},
	 * {@code °C}) or an id in another case ({@code celsius}); {@code null} when it is no known unit.
	 */
	public String unitId(String spelling) {
		if (units.containsKey(spelling)) {
			return spelling;
		}
		String alias = UNIT_ALIASES.get(spelling);
		if (alias != null) {
			return alias;
		}
		for (String id : units.keySet()) {
			if (id.equalsIgnoreCase(spelling)) {
				return id;
			}
		}
		return null;
	}

	/**
	 * The existing path closest to one that does not exist, for "did you mean": the longest existing prefix is
	 * kept and each further segment replaced by the most similar child; a path that lacks its root (as in
	 * {@code Cabin.Sunroof} for {@code Vehicle.Cabin.Sunroof}) is tried below each root too.
	 */
	public Optional<String> closest(String path) {
		if (nodes.containsKey(path)) {
			return Optional.of(path);
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		List<String> candidates = new ArrayList<>();
		candidates.add(path);
		for (VssNode root : children("")) {
			if (!path.startsWith(root.path() + ".")) {
				candidates.add(root.path() + "." + path);
			}
		}
		for (String candidate : candidates) {
			String repaired = repair(candidate.split("\\.", -1));
			if (repaired != null) {
				int distance = Strings.editDistance(candidate.toLowerCase(Locale.ROOT),
						repaired.toLowerCase(Locale.ROOT));
				if (distance < bestDistance) {
					best = repaired;
					bestDistance = distance;
				}
			}
		}
		// a suggestion that changes most of what was written helps nobody
		return bestDistance <= Math.max(3, path.length() / 2) ? Optional.ofNullable(best) : Optional.empty();
	}

	private String repair(String[] segments) {
		String parent = "";
		for (String segment : segments) {
			String exact = parent.isEmpty() ? segment : parent + "." + segment;
			if (nodes.containsKey(exact)) {
				parent = exact;
				continue;
			}
			VssNode nearest = null;
			int nearestDistance = Integer.MAX_VALUE;
			for (VssNode child : children(parent)) {
				int distance = Strings.editDistance(segment.toLowerCase(Locale.ROOT),
						child.name().toLowerCase(Locale.ROOT));
				if (distance < nearestDistance) {
					nearest = child;
					nearestDistance = distance;
				}
			}
			if (nearest == null || nearestDistance > Math.max(2, segment.length() / 2)) {
				return null;
			}
			parent = nearest.path();
		}
		return parent.isEmpty() ? null : parent;
	}
}
