package dev.cabin.vss;

import java.util.Locale;

/** The kind of a VSS node, as its {@code type} attribute says. */
public enum NodeType {
	/** Groups other nodes; has no value. */
	BRANCH,
	/** A value the vehicle reports; read-only for an agent. */
	SENSOR,
	/** A value the vehicle reports and an agent may set (its target value). */
	ACTUATOR,
	/** A static property of the vehicle, such as its number of doors. */
	ATTRIBUTE,
	/** A struct data type (VehicleDataTypes.vspec). */
	STRUCT,
	/** A field of a struct data type. */
	PROPERTY;

	/** The name used in .vspec files: {@code branch}, {@code sensor}, ... */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether nodes of this type carry a value that conditions can read. */
	public boolean hasValue() {
		return this == SENSOR || this == ACTUATOR || this == ATTRIBUTE;
	}

	/** The type named by a .vspec {@code type} attribute, or {@code null} if there is none of that name. */
	public static NodeType ofLabel(String label) {
		for (NodeType type : values()) {
			if (type.label().equals(label)) {
				return type;
			}
		}
		return null;
	}
}
