package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.editor.CabinMarkers;
import dev.cabin.ui.project.builder.CabinNature;

/**
 * The Cabin builder's work shows in its job's progress (the compiler's embedding and training, per file), and
 * cancelling the job (the Progress view's Stop) stops the compile under way and leaves the workspace as a later
 * build expects it.
 */
class CabinBuilderProgressTest {

	private static final String GARAGE = """
			agent Garage {
				locales en-US
				intent FuelLevel {
					en-US: "how much gas is left", "what's my fuel level", "do I need to fill up"
				}
				on voice FuelLevel -> flow Fuel
				flow Fuel { say "The tank is half full." end }
			}
			""";

	/** What a job's monitor is told, as the Progress view shows it; cancels when the compile starts embedding. */
	private static final class ProgressView extends NullProgressMonitor {
		final List<String> shown = new CopyOnWriteArrayList<>();

		@Override
		public void subTask(String name) {
			shown.add(name);
			if (name.startsWith("embedding the examples of Cockpit")) {
				setCanceled(true);
			}
		}
	}

	private IProject project;
	private boolean autoBuilding;

	@BeforeEach
	void aCabinProjectWithTheCockpitAgentAndASmallOneNotBuiltYet() throws Exception {
		IWorkspaceDescription workspace = ResourcesPlugin.getWorkspace().getDescription();
		autoBuilding = workspace.isAutoBuilding();
		workspace.setAutoBuilding(false);
		ResourcesPlugin.getWorkspace().setDescription(workspace);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("cockpit-build");
		project.create(null);
		project.open(null);
		CabinNature.addTo(project, null);
		// a text of its own, so that no cache of an earlier run has its IR: this build must compile it
		String cockpit = "// built by CabinBuilderProgressTest at " + System.nanoTime() + "\n"
				+ Files.readString(Repository.file("examples/cockpit/cockpit.cabin"));
		create("cockpit.cabin", cockpit);
		create("cockpit.out-of-scope.txt", Files.readString(Repository.file("examples/cockpit/cockpit.out-of-scope.txt")));
		create("garage.cabin", GARAGE);
	}

	@AfterEach
	void deleteTheProject() throws Exception {
		project.delete(true, null);
		IWorkspaceDescription workspace = ResourcesPlugin.getWorkspace().getDescription();
		workspace.setAutoBuilding(autoBuilding);
		ResourcesPlugin.getWorkspace().setDescription(workspace);
	}

	@Test
	void theBuildShowsTheCompilersProgressAndStopsWhenCancelledLeavingNoStaleIrForTheNextBuild() throws Exception {
		ProgressView progress = new ProgressView();
		CoreException[] failed = new CoreException[1];
		boolean[] ended = new boolean[1];
		Job build = Job.create("Building the cockpit project", monitor -> {
			try {
				project.build(IncrementalProjectBuilder.FULL_BUILD, progress);
			} catch (OperationCanceledException e) {
				// what the workspace makes of a builder's cancel is its own affair: the files tell
			} catch (CoreException e) {
				failed[0] = e;
			}
			ended[0] = true;
			return Status.OK_STATUS;
		});
		build.schedule();
		Screen.waitFor(() -> ended[0], "the cancelled build to stop", 120);

		assertEquals(null, failed[0], "the build failed");
		assertTrue(progress.isCanceled());
		assertTrue(progress.shown.contains("cockpit.cabin"), progress.shown.toString());
		assertTrue(progress.shown.stream().anyMatch(task -> task.matches("embedding the examples of Cockpit \\(\\d+ of \\d+\\)")),
				progress.shown.toString());
		assertFalse(project.getFile("build/cockpit.ir.json").exists(), "no IR of the cancelled compile");
		assertEquals(List.of(), errors(project.getFile("cockpit.cabin")), "a cancel is no problem of the source");
		assertFalse(project.getFile("build/garage.ir.json").exists(), "the files after the cancel were not built");

		project.getFile("cockpit.cabin").delete(true, null);
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, new NullProgressMonitor());

		assertTrue(project.getFile("build/garage.ir.json").exists(), "the next build builds what the cancel left out");
		assertEquals(List.of(), errors(project));
	}

	private void create(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
	}

	private static List<String> errors(IResource resource) throws CoreException {
		return List.of(resource.findMarkers(CabinMarkers.PROBLEM, true, IResource.DEPTH_INFINITE)).stream()
				.filter(marker -> marker.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.map(marker -> marker.getAttribute(IMarker.MESSAGE, "")).toList();
	}
}
