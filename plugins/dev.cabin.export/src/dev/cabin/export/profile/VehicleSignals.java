package dev.cabin.export.profile;

import java.util.Map;
import java.util.TreeMap;

import dev.cabin.vss.NodeType;

/**
 * The VSS nodes a vehicle has, by path ({@code Vehicle.Cabin.Sunroof.Position}), each with its VSS node type:
 * a branch, a sensor (read only), an actuator (has a target value that can be set) or an attribute (static).
 */
public final class VehicleSignals {

	private final TreeMap<String, NodeType> nodes;

	VehicleSignals(Map<String, NodeType> nodes) {
		this.nodes = new TreeMap<>(nodes);
	}

	/** Whether the vehicle has a signal at the path whose value can be read. */
	public boolean readable(String path) {
		NodeType type = nodes.get(path);
		return type != null && type.hasValue();
	}

	public boolean actuator(String path) {
		return nodes.get(path) == NodeType.ACTUATOR;
	}

	/** Whether the vehicle has the branch (or a leaf) at the path, or anything below it. */
	public boolean has(String path) {
		if (nodes.containsKey(path)) {
			return true;
		}
		String below = nodes.ceilingKey(path + ".");
		return below != null && below.startsWith(path + ".");
	}

	/** The node type at the path ({@code sensor}, as VSS names it), or {@code null}. */
	public String typeOf(String path) {
		NodeType type = nodes.get(path);
		return type == null ? null : type.label();
	}

	public int size() {
		return nodes.size();
	}
}
