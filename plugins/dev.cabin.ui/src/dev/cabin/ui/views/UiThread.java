package dev.cabin.ui.views;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Widget;

/** How the views' jobs hand their results to the UI thread. */
public final class UiThread {

	private UiThread() {
	}

	/** Runs later on the UI thread, unless the view (one of its widgets) has been closed meanwhile. */
	public static void later(Display display, Widget view, Runnable runnable) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (!view.isDisposed()) {
					runnable.run();
				}
			});
		}
	}
}
