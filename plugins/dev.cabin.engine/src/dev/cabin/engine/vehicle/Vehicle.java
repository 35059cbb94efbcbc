package dev.cabin.engine.vehicle;

import java.util.Map;

/**
 * The car as the engine sees it: VSS signals by path, and actuators whose target value the engine may set.
 * A car's integration implements it over the vehicle API; {@link SimulatedVehicle} serves the IDE and tests.
 */
public interface Vehicle {

	/** The current (actual) value of a signal, or {@code null} if it is unknown. */
	Object value(String path);

	/** A new value of a signal, as reported by the car. */
	void update(String path, Object value);

	/** Asks an actuator to move to a target value; the actual value follows when the car gets there. */
	void setTarget(String path, Object target);

	/** The target of an actuator, or {@code null} if none was set. */
	Object target(String path);

	/** Lets simulated time pass up to {@code nowMs}: actuators reach their targets. A real car ignores it. */
	void advanceTo(long nowMs);

	/** Every known signal and its actual value. */
	Map<String, Object> snapshot();
}
