package dev.cabin.ui.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Widget;

import dev.cabin.engine.event.InputEvent;
import dev.cabin.ui.views.UiThread;

/**
 * One turn of a simulation as a job of the view's family (which the view's Stop cancels): the engine handles
 * the event on a worker, so that cancelling stops the waiting at once; the engine finishes the turn (an LLM call
 * is bounded by its timeout) and the session keeps what it did. The outcome goes to the UI thread.
 */
final class TurnJob extends Job {

	private final Simulation target;
	private final InputEvent event;
	private final Object family;
	private final Widget view;
	private final Consumer<Simulation.Turn> answered;
	private final Consumer<String> failed;
	private final Display display;

	/**
	 * @param inOrder the rule that runs the view's turns one after the other
	 * @param view a widget of the view: nothing is shown once it is closed
	 */
	TurnJob(Simulation target, InputEvent event, Object family, ISchedulingRule inOrder, Widget view,
			Consumer<Simulation.Turn> answered, Consumer<String> failed) {
		super("Simulating " + Transcript.describe(event));
		this.target = target;
		this.event = event;
		this.family = family;
		this.view = view;
		this.answered = answered;
		this.failed = failed;
		this.display = Display.getCurrent();
		setRule(inOrder);
	}

	@Override
	public boolean belongsTo(Object candidate) {
		return candidate == family;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		CompletableFuture<Simulation.Turn> work = CompletableFuture.supplyAsync(() -> target.handle(event));
		while (true) {
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			try {
				Simulation.Turn done = work.get(50, TimeUnit.MILLISECONDS);
				UiThread.later(display, view, () -> answered.accept(done));
				return Status.OK_STATUS;
			} catch (TimeoutException e) {
				monitor.worked(1);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Status.CANCEL_STATUS;
			} catch (ExecutionException e) {
				UiThread.later(display, view, () -> failed.accept("(the engine failed: " + e.getCause() + ")"));
				return Status.OK_STATUS;
			}
		}
	}
}
