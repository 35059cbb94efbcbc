package dev.cabin.engine.ir;

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

	private static final java.util.Map<String, Double> SECONDS = java.util.Map.of("ms", 0.001, "s", 1.0, "sec", 1.0,
			"min", 60.0, "h", 3600.0);

	/** The value the engine computes with: a duration in seconds (as duration slots hold them), else as is. */
	public Object engineValue() {
		if (value instanceof Double number && unit != null && SECONDS.containsKey(unit)) {
			return number * SECONDS.get(unit);
		}
		return value;
	}

	public static ValueIr of(Object value) {
		return new ValueIr(value, null);
	}
}
