package dev.cabin.language;

import java.util.Map;

/**
 * The signals a simulated car has a value for from the start, before a test or the driver gives one: what the
 * engine's simulated vehicle starts with, and what the validator knows a template can always read.
 */
public final class SimulatedSignals {

	/** A car standing still, parked: speed 0. */
	public static final Map<String, Object> AT_START = Map.of("Vehicle.Speed", 0.0);

	private SimulatedSignals() {
	}
}
