package dev.cabin.engine.ir;

import dev.cabin.language.DurationUnit;

/**
 * A literal value: a number (with its unit, or {@code null}), a string or a boolean.
 */
public record ValueIr(Object value, String unit) {

	public ValueIr {
		if (value instanceof Number number) {
			value = number.doubleValue();
		} else if (!(value instanceof String) && !(value instanceof Boolean)) {
			throw new IllegalArgumentException("a literal is a number, a string or a boolean, not " + value);
		}
	}

	/** The value the engine computes with: a duration in seconds (as duration slots hold them), else as is. */
	public Object engineValue() {
		DurationUnit duration = unit == null ? null : DurationUnit.ofLiteral(unit);
		if (value instanceof Double number && duration != null) {
			return duration.seconds(number);
		}
		return value;
	}

	public static ValueIr of(Object value) {
		return new ValueIr(value, null);
	}
}
