package dev.cabin.ui.compile;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The scheduling rule of the jobs that run utterances through an agent on every core: the Lab Test view's runs
 * and the Simulator's Replay Tests, which measure the held-back background when a test asserts the agent's false
 * accepts. Two at once would each take twice as long and slow the editor beside them; they take turns, as the
 * browser studio's lab tests and replays do, and the one that waits says what it waits for.
 */
public final class MeasurementRule {

	private static final ISchedulingRule ONE_AT_A_TIME = new ExclusiveRule();

	/* the name of what measures now; read only to tell those who wait */
	private static final AtomicReference<String> MEASURING = new AtomicReference<>();

	/** A run of utterances through an agent. */
	@FunctionalInterface
	public interface Measurement<T> {
		T run() throws InterruptedException;
	}

	private MeasurementRule() {
	}

	/**
	 * Runs a measurement in the current job once no other job measures. Only the measurement holds the rule, so
	 * that the job may touch workspace files before and after it. Waiting ends when the monitor is cancelled.
	 *
	 * @param name what measures, as those waiting for it are told ("Lab test of car-genius.cabin")
	 * @param waiting told the name of the measurement this one waits for, if it has to wait
	 * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled while waiting
	 */
	public static <T> T inTurn(String name, IProgressMonitor monitor, Consumer<String> waiting,
			Measurement<T> measurement) throws InterruptedException {
		String other = MEASURING.get();
		if (other != null) {
			monitor.subTask("Waiting for \"" + other + "\" to finish measuring");
			waiting.accept(other);
		}
		Job.getJobManager().beginRule(ONE_AT_A_TIME, monitor);
		MEASURING.set(name);
		try {
			return measurement.run();
		} finally {
			MEASURING.set(null);
			Job.getJobManager().endRule(ONE_AT_A_TIME);
		}
	}

	/** The name of the measurement running now, or {@code null}. */
	public static String measuring() {
		return MEASURING.get();
	}
}
