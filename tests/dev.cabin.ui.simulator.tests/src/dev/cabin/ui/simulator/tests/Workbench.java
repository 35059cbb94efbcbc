package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.diagram.DiagramView;
import dev.cabin.ui.simulator.SimulatorView;

/** What the tests do in the workbench, as a user would. */
final class Workbench {

	private Workbench() {
	}

	static IWorkbenchPage page() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Shell window = page.getWorkbenchWindow().getShell();
		window.setBounds(window.getDisplay().getPrimaryMonitor().getBounds());
		return page;
	}

	/** A workspace project with a copy of a folder of the repository (an example with its cabin.yaml). */
	static IProject exampleProject(String name, String folder) throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		project.create(null);
		project.open(null);
		Path from = Repository.file(folder);
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.sorted().toList()) {
				String relative = from.relativize(file).toString().replace('\\', '/');
				if (relative.isEmpty()) {
					continue;
				}
				if (Files.isDirectory(file)) {
					IFolder created = project.getFolder(relative);
					created.create(true, true, null);
				} else {
					project.getFile(relative).create(Files.newInputStream(file), true, null);
				}
			}
		}
		return project;
	}

	/** Closes the editors and the Cabin views, so that the next test starts afresh, and deletes the project. */
	static void closeAndDelete(IProject project) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		for (String view : new String[] { SimulatorView.ID, DiagramView.ID }) {
			if (page.findView(view) != null) {
				page.hideView(page.findView(view));
			}
		}
		Screen.waitFor(() -> page.findView(SimulatorView.ID) == null && page.findView(DiagramView.ID) == null,
				"the simulator and the diagram closed");
		project.delete(true, null);
	}

	static void waitUntilLoaded(SimulatorView simulator, String agent) throws InterruptedException {
		try {
			Screen.waitFor(() -> simulator.status().getText().startsWith(agent + ": "), "the agent to be compiled", 120);
		} catch (AssertionError timedOut) {
			// what the view shows and where its job is tell a load that never started from one that hangs
			Job loading = simulator.loading();
			throw new AssertionError(timedOut.getMessage() + "; the simulator says \"" + simulator.status().getText()
					+ "\", its loading job " + (loading == null ? "never started" : "is in state " + loading.getState()
							+ " (" + loading.getResult() + ")"), timedOut);
		}
	}

	/** Types into the utterance field and presses Enter. */
	static void say(SimulatorView simulator, String text) {
		simulator.utterance().setText(text);
		simulator.utterance().notifyListeners(SWT.DefaultSelection, new Event());
	}

	static void waitForTurns(SimulatorView simulator, int turns) throws InterruptedException {
		Screen.waitFor(() -> !simulator.busy() && simulator.traceTree().getItemCount() >= turns,
				"turn " + turns + " of the conversation", 60);
	}

	static TreeItem child(TreeItem parent, String name) {
		return Arrays.stream(parent.getItems()).filter(item -> item.getText(0).equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getText(0)));
	}

	static void expandAll(TreeItem item) {
		item.setExpanded(true);
		for (TreeItem child : item.getItems()) {
			expandAll(child);
		}
	}

	static List<String> texts(TreeItem parent) {
		List<String> texts = new ArrayList<>();
		for (TreeItem item : parent.getItems()) {
			texts.add(item.getText(0).isEmpty() ? item.getText(1) : item.getText(0) + " " + item.getText(1));
		}
		return texts;
	}

	/** No entry of severity ERROR in the workbench log (.metadata/.log) of this test run. */
	static void assertNoErrorInTheLog() throws IOException {
		Path log = Platform.getLogFileLocation().toFile().toPath();
		if (!Files.exists(log)) {
			return;
		}
		List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
				.filter(line -> line.startsWith("!ENTRY ") && line.split(" ").length > 2 && line.split(" ")[2].equals("4"))
				.toList();
		assertTrue(errors.isEmpty(), "errors in " + log + ": " + errors + "\n" + Files.readString(log));
	}
}
