package dev.cabin.ui.project.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/**
 * File > New > Cabin Agent File: a .cabin file with a small agent named after the file (an intent, a voice
 * trigger, a flow), which checks without problems; it opens in the editor.
 */
public class NewCabinFileWizard extends BasicNewResourceWizard {

	public static final String ID = "dev.cabin.ui.project.newFileWizard";

	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		super.init(workbench, selection);
		setWindowTitle("New Cabin Agent File");
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("file", getSelection()) {
			@Override
			protected InputStream getInitialContents() {
				String agent = AgentTemplate.agentName(getFileName());
				return new ByteArrayInputStream(AgentTemplate.text(agent).getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("Cabin Agent File");
		page.setDescription("A .cabin file with a small agent to start from.");
		page.setFileExtension("cabin");
		page.setFileName("agent.cabin");
		addPage(page);
	}

	/** For tests and the welcome page: the folder (a workspace path) and the file's name. */
	public void choose(String containerPath, String fileName) {
		page.setContainerFullPath(org.eclipse.core.runtime.IPath.fromOSString(containerPath));
		page.setFileName(fileName);
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		selectAndReveal(file);
		try {
			IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
		} catch (PartInitException e) {
			Platform.getLog(NewCabinFileWizard.class).error("Cannot open " + file.getFullPath(), e);
		}
		return true;
	}
}
