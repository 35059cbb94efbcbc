package dev.cabin.compiler;

import dev.cabin.dsl.cabin.Duration;
import dev.cabin.language.DurationUnit;

/** Durations of the language in the IR's milliseconds. */
final class Durations {

	private Durations() {
	}

	static long millis(Duration duration) {
		DurationUnit unit = DurationUnit.ofSymbol(duration.getUnit());
		if (unit == null) {
			throw new CompileException(SourcePositions.location(duration) + ": unknown time unit \""
					+ duration.getUnit() + "\" (use " + DurationUnit.symbols() + ")");
		}
		return unit.millis(Double.parseDouble(duration.getValue()));
	}
}
