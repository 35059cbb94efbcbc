package dev.cabin.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * File &gt; Export &gt; Cabin &gt; Car Build: choose agents, a vehicle profile and a signing key; the export
 * runs as a job (with progress) and the last page shows the checks and the manifest; Finish writes the package.
 */
public final class CarBuildExportWizard extends Wizard implements IExportWizard {

	/** The widget data key naming each input, for tests and accessibility tools. */
	public static final String FIELD = "dev.cabin.ui.export.field";

	private final SigningKeyStore keyStore;
	private IStructuredSelection selection = StructuredSelection.EMPTY;
	private AgentSelectionPage agents;
	private TargetPage target;
	private ReviewPage review;
	private Job running;

	public CarBuildExportWizard() {
		this(null);
	}

	/** A wizard keeping keys in the given store ({@code null}: the user's default secure storage). */
	public CarBuildExportWizard(SigningKeyStore keyStore) {
		this.keyStore = keyStore != null ? keyStore : SigningKeyStore.standard();
		setWindowTitle("Export Car Build");
		setNeedsProgressMonitor(false);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		selection = currentSelection == null ? StructuredSelection.EMPTY : currentSelection;
	}

	@Override
	public void addPages() {
		agents = new AgentSelectionPage(selection);
		target = new TargetPage(keyStore);
		review = new ReviewPage();
		addPage(agents);
		addPage(target);
		addPage(review);
	}

	@Override
	public IWizardPage getNextPage(IWizardPage page) {
		if (page == agents) {
			target.proposeOutput(agents.files().isEmpty() ? null : agents.files().get(0));
		}
		return super.getNextPage(page);
	}

	@Override
	public boolean canFinish() {
		return getContainer().getCurrentPage() == review && review.isPageComplete();
	}

	/** Runs the export of the chosen agents as a job; the review page shows its outcome. */
	void startExport() {
		if (running != null) {
			running.cancel();
		}
		List<IFile> files = agents.files();
		List<Path> sources = files.stream().map(WorkspaceFiles::location).toList();
		List<String> ids = agents.agentIds();
		Path profile = target.profile();
		String version = target.version();
		TargetPage.KeySource keySource = target.keySource();
		Display display = getShell().getDisplay();
		Job job = Job.create("Exporting car build", monitor -> {
			SubMonitor progress = SubMonitor.convert(monitor, "Exporting car build", CarExport.STEPS + 1);
			CarExport.Result result = null;
			String failure = null;
			try {
				progress.subTask("reading the signing key");
				SigningKey key = keySource.load();
				progress.worked(1);
				result = new CarExport(CabinLanguage.sources(), OnnxModels.encoders(), OnnxModels.files()).run(
						new CarExport.Request(sources, ids, profile, key, version), task -> {
							progress.subTask(task);
							progress.worked(1);
						});
			} catch (KeyFileException | StorageException e) {
				failure = "Cannot use the signing key: " + e.getMessage();
			}
			CarExport.Result outcome = result;
			String reason = failure;
			display.asyncExec(() -> review.show(outcome, reason));
			return progress.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
		});
		job.setUser(true);
		running = job;
		job.schedule();
	}

	@Override
	public boolean performFinish() {
		CarExport.Result result = review.result();
		Path output = target.output();
		try {
			Files.createDirectories(output.toAbsolutePath().getParent());
			Path partial = output.resolveSibling(output.getFileName() + ".part");
			Files.write(partial, result.bytes());
			Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			review.setErrorMessage("Cannot write " + output + ": " + e.getMessage());
			return false;
		}
		refresh(output);
		return true;
	}

	/* A package written into a project shows up there at once. */
	private static void refresh(Path output) {
		IContainer folder = ResourcesPlugin.getWorkspace().getRoot()
				.getContainerForLocation(IPath.fromOSString(output.toAbsolutePath().getParent().toString()));
		if (folder != null) {
			try {
				folder.refreshLocal(IResource.DEPTH_ONE, null);
			} catch (CoreException e) {
				// the file is written; the workspace catches up at its next refresh
			}
		}
	}

	@Override
	public boolean performCancel() {
		if (running != null) {
			running.cancel();
		}
		return true;
	}

	/** For tests: the export job of the last page, if one was started. */
	public Job exportJob() {
		return running;
	}
}
