package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** Waiting in a live workbench without blocking its event loop, and saving what the user sees. */
final class Workbench {

	private Workbench() {
	}

	/** Runs the event loop until the condition holds; fails after the given seconds. */
	static void waitFor(Supplier<Boolean> condition, String what, int seconds) throws InterruptedException {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			while (display.readAndDispatch()) {
				// drain pending UI events
			}
			Thread.sleep(20);
		}
		while (display.readAndDispatch()) {
			// let the workbench paint what changed
		}
	}

	/** Saves what the user sees, once the workbench has painted, to target/screenshots/NAME.png. */
	static void screenshot(String name) throws Exception {
		Display display = Display.getCurrent();
		long paintedBy = System.nanoTime() + 500_000_000L;
		while (System.nanoTime() < paintedBy) {
			while (display.readAndDispatch()) {
				// paint
			}
			Thread.sleep(20);
		}
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
			assertTrue(Files.size(out) > 0);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
