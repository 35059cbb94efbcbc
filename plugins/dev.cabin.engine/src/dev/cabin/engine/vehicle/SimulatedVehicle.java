package dev.cabin.engine.vehicle;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.cabin.language.SimulatedSignals;

/**
 * A simulated car: a store of VSS signal values, with actuators that reach a target value after a delay
 * (target vs actual, as a real sunroof or window takes its time). Signals it knows the range of are clamped
 * to it. Thread-safe.
 */
public final class SimulatedVehicle implements Vehicle {

	/** What the simulation knows about a signal: its range and how long its actuator takes. */
	public record SignalSpec(String path, Double min, Double max, long actuationDelayMs) {
	}

	/** How long an actuator takes when its spec does not say. */
	public static final long DEFAULT_ACTUATION_DELAY_MS = 500;

	private record Pending(Object target, long reachedAt) {
	}

	private final Map<String, Object> values = new TreeMap<>();
	private final Map<String, Object> targets = new HashMap<>();
	private final Map<String, Pending> moving = new HashMap<>();
	private final Map<String, SignalSpec> specs = new HashMap<>();
	private long now;

	/** A car standing still, parked: speed 0 ({@link SimulatedSignals#AT_START}). */
	public SimulatedVehicle() {
		values.putAll(SimulatedSignals.AT_START);
	}

	public synchronized SimulatedVehicle describe(SignalSpec spec) {
		specs.put(spec.path(), spec);
		return this;
	}

	@Override
	public synchronized Object value(String path) {
		return values.get(path);
	}

	@Override
	public synchronized void update(String path, Object value) {
		values.put(path, clamped(path, value));
	}

	@Override
	public synchronized void setTarget(String path, Object target) {
		Object clamped = clamped(path, target);
		targets.put(path, clamped);
		SignalSpec spec = specs.get(path);
		long delay = spec != null ? spec.actuationDelayMs() : DEFAULT_ACTUATION_DELAY_MS;
		moving.put(path, new Pending(clamped, now + delay));
		advanceTo(now);
	}

	@Override
	public synchronized Object target(String path) {
		return targets.get(path);
	}

	@Override
	public synchronized void advanceTo(long nowMs) {
		now = Math.max(now, nowMs);
		moving.entrySet().removeIf(entry -> {
			if (entry.getValue().reachedAt() <= now) {
				values.put(entry.getKey(), entry.getValue().target());
				return true;
			}
			return false;
		});
	}

	@Override
	public synchronized Map<String, Object> snapshot() {
		return new TreeMap<>(values);
	}

	private Object clamped(String path, Object value) {
		SignalSpec spec = specs.get(path);
		if (spec == null || !(value instanceof Number number)) {
			return value instanceof Number n ? n.doubleValue() : value;
		}
		double v = number.doubleValue();
		if (spec.min() != null) {
			v = Math.max(spec.min(), v);
		}
		if (spec.max() != null) {
			v = Math.min(spec.max(), v);
		}
		return v;
	}
}
