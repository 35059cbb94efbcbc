package dev.cabin.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** For tests in a live workbench (on its UI thread): waiting for the UI, and saving what the user sees. */
public final class Screen {

	private static final int TIMEOUT_SECONDS = 30;
	private static final int STEADY_READS = 5;

	private Screen() {
	}

	/** Runs the event loop until the condition holds; fails after a generous while. */
	public static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		waitFor(condition, what, TIMEOUT_SECONDS);
	}

	/** Runs the event loop until the condition holds; fails after the given seconds (for long jobs). */
	public static void waitFor(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			drain(display);
			Thread.sleep(20);
		}
		drain(display);
	}

	/**
	 * Runs the event loop until what the supplier returns has stopped changing (it is the same on
	 * {@value #STEADY_READS} reads in a row, with the events in between handled), and returns it; fails after a
	 * generous while. For what fills in over several events, such as a popup's list.
	 */
	public static <T> T waitForSteady(Supplier<T> state, String what) throws InterruptedException {
		Object[] last = { state.get() };
		int[] same = { 0 };
		waitFor(() -> {
			T now = state.get();
			same[0] = Objects.equals(now, last[0]) ? same[0] + 1 : 0;
			last[0] = now;
			return same[0] >= STEADY_READS;
		}, what + " to stop changing");
		return state.get();
	}

	/**
	 * Saves the active window, once the workbench has painted, to NAME.png in the folder of the
	 * {@code cabin.screenshots} property that the build sets (target/screenshots), and returns the file.
	 */
	public static Path screenshot(String name) throws Exception {
		Display display = Display.getCurrent();
		drain(display);
		// handles every paint request still outstanding, so that the picture shows what the widgets hold
		display.update();
		Rectangle bounds = display.getActiveShell() != null ? display.getActiveShell().getBounds()
				: display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Path out = Path.of(System.getProperty("cabin.screenshots", "target/screenshots"), name + ".png");
			Files.createDirectories(out.getParent());
			loader.save(out.toString(), SWT.IMAGE_PNG);
			if (Files.size(out) == 0) {
				throw new AssertionError("the screenshot " + out + " is empty");
			}
			return out;
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** The first control below the root (the root included, depth first) that is wanted, or {@code null}. */
	public static Control find(Control root, Predicate<Control> wanted) {
		if (wanted.test(root)) {
			return root;
		}
		if (root instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Control found = find(child, wanted);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static void drain(Display display) {
		while (display.readAndDispatch()) {
			// handle what is pending
		}
	}
}
