package dev.cabin.compiler;

import java.util.Map;

import dev.cabin.dsl.cabin.Duration;

/** Durations of the language in the IR's milliseconds. */
final class Durations {

	private static final Map<String, Double> MILLIS_PER_UNIT = Map.ofEntries(Map.entry("ms", 1.0),
			Map.entry("s", 1_000.0), Map.entry("sec", 1_000.0), Map.entry("secs", 1_000.0),
			Map.entry("second", 1_000.0), Map.entry("seconds", 1_000.0), Map.entry("min", 60_000.0),
			Map.entry("mins", 60_000.0), Map.entry("minute", 60_000.0), Map.entry("minutes", 60_000.0),
			Map.entry("h", 3_600_000.0), Map.entry("hr", 3_600_000.0), Map.entry("hour", 3_600_000.0),
			Map.entry("hours", 3_600_000.0));

	private Durations() {
	}

	static long millis(Duration duration) {
		Double factor = MILLIS_PER_UNIT.get(duration.getUnit());
		if (factor == null) {
			throw new CompileException(SourcePositions.location(duration) + ": unknown time unit \""
					+ duration.getUnit() + "\" (use ms, s, min or h)");
		}
		return Math.round(Double.parseDouble(duration.getValue()) * factor);
	}
}
