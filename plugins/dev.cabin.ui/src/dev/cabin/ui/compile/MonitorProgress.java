package dev.cabin.ui.compile;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import dev.cabin.compiler.service.Cancellation;
import dev.cabin.engine.nlu.Progress;

/** Long work of the compiler and the lab (which report {@link Progress}) on a job's progress monitor. */
public final class MonitorProgress {

	private MonitorProgress() {
	}

	/**
	 * Progress in a share of the monitor's work: the task and its count as the sub-task, the share worked off as
	 * the task advances; when the monitor is cancelled, the next report stops the work with an
	 * {@link OperationCanceledException}.
	 */
	public static Progress on(IProgressMonitor monitor, int share) {
		int[] reported = new int[1];
		return (task, done, total) -> {
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			synchronized (reported) {
				monitor.subTask(task + " (" + done + " of " + total + ")");
				int now = total == 0 ? share : (int) ((long) share * done / total);
				if (now > reported[0]) {
					monitor.worked(now - reported[0]);
					reported[0] = now;
				}
			}
		};
	}

	/** A compile cancelled with the monitor (the job's Stop in the Progress view). */
	public static Cancellation cancellation(IProgressMonitor monitor) {
		return monitor::isCanceled;
	}
}
