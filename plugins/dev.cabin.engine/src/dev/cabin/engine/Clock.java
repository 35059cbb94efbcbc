package dev.cabin.engine;

/**
 * A session's time in milliseconds. Simulations and tests use a {@link #manual()} clock that only a
 * {@code wait} event moves, so that fusion windows, debounces, timers and timeouts are deterministic; a car
 * uses the {@link #system()} clock.
 */
public interface Clock {

	long now();

	/** Moves a manual clock forward; the system clock ignores it (real time passes by itself). */
	void advance(long ms);

	/** Whether {@link #advance} moves this clock. */
	boolean isManual();

	static Clock manual() {
		return new Clock() {
			private long now;

			@Override
			public synchronized long now() {
				return now;
			}

			@Override
			public synchronized void advance(long ms) {
				now += ms;
			}

			@Override
			public boolean isManual() {
				return true;
			}
		};
	}

	static Clock system() {
		long start = System.currentTimeMillis();
		return new Clock() {
			@Override
			public long now() {
				return System.currentTimeMillis() - start;
			}

			@Override
			public void advance(long ms) {
				// real time passes by itself
			}

			@Override
			public boolean isManual() {
				return false;
			}
		};
	}
}
