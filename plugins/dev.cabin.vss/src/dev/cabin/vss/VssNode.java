package dev.cabin.vss;

import java.util.List;
import java.util.Set;

/**
 * One node of an expanded VSS tree: its full path (instances expanded) and the facts an author and the validator
 * need.
 *
 * @param datatype the VSS datatype ({@code float}, {@code uint8[]}, or a struct's full path), or {@code null} for
 *                 branches and structs
 * @param unit     a unit id of units.yaml ({@code km/h}, {@code Celsius}), or {@code null}
 * @param allowed  the allowed values (for enumerated strings; the names of an {@code enum}), possibly empty
 * @param instances for a branch that declares instances, the instance names of each level
 *                 ({@code [[Row1, Row2], [DriverSide, PassengerSide]]}); empty otherwise
 */
public record VssNode(String path, NodeType type, String datatype, String unit, Double min, Double max,
		List<String> allowed, String description, List<List<String>> instances) {

	private static final Set<String> NUMERIC = Set.of("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
			"uint64", "float", "double");

	/** The primitive datatypes of VSS. */
	public static final Set<String> PRIMITIVES = Set.of("int8", "int16", "int32", "int64", "uint8", "uint16",
			"uint32", "uint64", "float", "double", "boolean", "string");

	public VssNode {
		allowed = List.copyOf(allowed);
		instances = instances.stream().map(List::copyOf).toList();
		description = description == null ? "" : description;
	}

	/** The last segment of the path. */
	public String name() {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	/** The path of the parent branch, or the empty string for a root. */
	public String parentPath() {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(0, dot);
	}

	public boolean isNumeric() {
		return datatype != null && NUMERIC.contains(datatype);
	}

	public boolean isBoolean() {
		return "boolean".equals(datatype);
	}

	public boolean isArray() {
		return datatype != null && datatype.endsWith("[]");
	}

	/** A short summary for completion and hovers: {@code sensor float km/h}. */
	public String summary() {
		StringBuilder summary = new StringBuilder(type.label());
		if (datatype != null) {
			summary.append(' ').append(datatype);
		}
		if (unit != null) {
			summary.append(' ').append(unit);
		}
		return summary.toString();
	}
}
