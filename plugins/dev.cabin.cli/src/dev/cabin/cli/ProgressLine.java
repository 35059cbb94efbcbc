package dev.cabin.cli;

import java.io.PrintStream;

import dev.cabin.car.Terminal;
import dev.cabin.engine.nlu.Progress;

/**
 * Long work on one line of the terminal, rewritten in place ({@code cabin: embedding the examples of Cockpit
 * 3400/7600 45%}) a few times a second, and left as it ends when the task is done. Only on a terminal: in a
 * pipe or a log, rewritten lines are noise.
 */
final class ProgressLine implements Progress {

	private static final long INTERVAL_NANOS = 200_000_000L;

	private final PrintStream out;
	private String task;
	/** The task that ended last: late reports of other threads may still come in for it, until it restarts at 0. */
	private String ended;
	private long shownAt;
	private int width;

	private ProgressLine(PrintStream out) {
		this.out = out;
	}

	/** Progress on the terminal's error stream when there is a terminal, else none. */
	static Progress on(Terminal terminal) {
		return System.console() != null ? new ProgressLine(terminal.err()) : Progress.NONE;
	}

	@Override
	public synchronized void report(String newTask, int done, int total) {
		long now = System.nanoTime();
		boolean finished = done >= total;
		if (newTask.equals(ended) && done > 0 || newTask.equals(task) && !finished && now - shownAt < INTERVAL_NANOS) {
			return;
		}
		if (task != null && !newTask.equals(task)) {
			out.println();
			width = 0;
		}
		task = newTask;
		shownAt = now;
		String line = "cabin: " + newTask + " " + done + "/" + total
				+ (total > 0 ? " " + Math.round(100.0 * done / total) + "%" : "");
		out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
		width = line.length();
		if (finished) {
			out.println();
			ended = newTask;
			task = null;
			width = 0;
		}
		out.flush();
	}
}
