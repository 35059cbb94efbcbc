package dev.cabin.export.profile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The VSS nodes a vehicle has, by path ({@code Vehicle.Cabin.Sunroof.Position}), each with its VSS node type:
 * {@code branch}, {@code sensor} (read only), {@code actuator} (has a target value that can be set) or
 * {@code attribute} (static).
 */
public final class VehicleSignals {

	public static final String BRANCH = "branch";
	public static final String SENSOR = "sensor";
	public static final String ACTUATOR = "actuator";
	public static final String ATTRIBUTE = "attribute";

	private final TreeMap<String, String> nodes;

	VehicleSignals(Map<String, String> nodes) {
		this.nodes = new TreeMap<>(nodes);
	}

	public Map<String, String> nodes() {
		return Collections.unmodifiableMap(nodes);
	}

	/** Whether the vehicle has a signal at the path whose value can be read (any leaf). */
	public boolean readable(String path) {
		String type = nodes.get(path);
		return type != null && !type.equals(BRANCH);
	}

	public boolean actuator(String path) {
		return ACTUATOR.equals(nodes.get(path));
	}

	/** Whether the vehicle has the branch (or a leaf) at the path, or anything below it. */
	public boolean has(String path) {
		if (nodes.containsKey(path)) {
			return true;
		}
		String below = nodes.ceilingKey(path + ".");
		return below != null && below.startsWith(path + ".");
	}

	/** The node type at the path, or {@code null}. */
	public String typeOf(String path) {
		return nodes.get(path);
	}

	public int size() {
		return nodes.size();
	}
}
