package dev.cabin.dsl.validation;

import java.util.List;

import dev.cabin.dsl.cabin.BooleanLiteral;
import dev.cabin.dsl.cabin.BuiltinValueType;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.cabin.Literal;
import dev.cabin.dsl.cabin.NumberLiteral;
import dev.cabin.dsl.cabin.StringLiteral;
import dev.cabin.dsl.cabin.ValueType;
import dev.cabin.vss.VssNode;

/**
 * The kind of value an operand has, as far as compile-time checks go: a number (with the unit and range a
 * signal declares), a text (with the values it allows), a boolean, something that cannot be compared (arrays,
 * structs), or anything (tool results, which are not typed). {@code signal} tells a vehicle signal, whose unit
 * (or lack of one) is binding, from a slot or parameter.
 */
record ValueKind(Kind kind, String description, String unit, Double min, Double max, List<String> allowed,
		boolean signal) {

	enum Kind {
		NUMBER, TEXT, BOOLEAN, UNCOMPARABLE, ANY
	}

	static final ValueKind ANY = new ValueKind(Kind.ANY, "a value", null, null, null, List.of(), false);

	static ValueKind of(VssNode signal) {
		String description = signal.path() + " (" + signal.summary() + ")";
		if (signal.isArray() || signal.datatype() == null || signal.datatype().contains(".")) {
			return new ValueKind(Kind.UNCOMPARABLE, description, null, null, null, List.of(), true);
		}
		if (signal.isNumeric()) {
			Double min = signal.min();
			if (min == null && signal.datatype().startsWith("uint")) {
				min = 0.0;
			}
			return new ValueKind(Kind.NUMBER, description, signal.unit(), min, signal.max(), signal.allowed(), true);
		}
		if (signal.isBoolean()) {
			return new ValueKind(Kind.BOOLEAN, description, null, null, null, List.of(), true);
		}
		return new ValueKind(Kind.TEXT, description, null, null, null, signal.allowed(), true);
	}

	static ValueKind of(ValueType type, String name) {
		if (type instanceof EntityValueType entityType && entityType.getEntity() != null
				&& !entityType.getEntity().eIsProxy()) {
			List<String> values = entityType.getEntity().getValues().stream().map(EntityValue::getName).toList();
			return new ValueKind(Kind.TEXT, name + " (" + entityType.getEntity().getName() + ")", null, null, null,
					values, false);
		}
		if (type instanceof BuiltinValueType builtin && builtin.getBuiltin() != null) {
			String description = name + " (" + builtin.getBuiltin().getLiteral() + ")";
			return switch (builtin.getBuiltin()) {
			case NUMBER, DURATION -> new ValueKind(Kind.NUMBER, description, null, null, null, List.of(), false);
			case PERCENTAGE -> new ValueKind(Kind.NUMBER, description, "percent", 0.0, 100.0, List.of(), false);
			case TEMPERATURE -> new ValueKind(Kind.NUMBER, description, "Celsius", null, null, List.of(), false);
			case BOOLEAN -> new ValueKind(Kind.BOOLEAN, description, null, null, null, List.of(), false);
			default -> new ValueKind(Kind.TEXT, description, null, null, null, List.of(), false);
			};
		}
		return ANY;
	}

	static ValueKind of(Literal literal) {
		if (literal instanceof NumberLiteral number) {
			return new ValueKind(Kind.NUMBER, "the number " + number.getValue(), number.getUnit(), null, null, List.of(), false);
		}
		if (literal instanceof StringLiteral) {
			return new ValueKind(Kind.TEXT, "a text", null, null, null, List.of(), false);
		}
		if (literal instanceof BooleanLiteral) {
			return new ValueKind(Kind.BOOLEAN, "a boolean", null, null, null, List.of(), false);
		}
		return ANY;
	}
}
