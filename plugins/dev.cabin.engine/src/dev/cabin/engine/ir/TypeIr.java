package dev.cabin.engine.ir;

import java.util.Set;

/**
 * The type of a slot, a tool parameter or a tool result: a built-in type or an entity of the agent, exactly
 * one of the two.
 *
 * @param builtin one of {@link #BUILTINS}, or {@code null}
 * @param entity the name of an entity, or {@code null}
 */
public record TypeIr(String builtin, String entity) {

	public static final Set<String> BUILTINS = Set.of("number", "percentage", "temperature", "duration",
			"datetime", "place", "text", "boolean");

	public TypeIr {
		if ((builtin == null) == (entity == null)) {
			throw new IllegalArgumentException("a type is either a builtin or an entity");
		}
		if (builtin != null && !BUILTINS.contains(builtin)) {
			throw new IllegalArgumentException("unknown builtin type \"" + builtin + "\"");
		}
	}

	public static TypeIr builtin(String name) {
		return new TypeIr(name, null);
	}

	public static TypeIr entity(String name) {
		return new TypeIr(null, name);
	}

	/** Whether values of this type are numbers. */
	public boolean numeric() {
		return builtin != null && Set.of("number", "percentage", "temperature", "duration").contains(builtin);
	}

	@Override
	public String toString() {
		return builtin != null ? builtin : entity;
	}
}
