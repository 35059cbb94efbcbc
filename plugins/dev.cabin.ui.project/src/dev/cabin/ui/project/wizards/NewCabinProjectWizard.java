package dev.cabin.ui.project.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.cabin.ui.project.builder.CabinNature;

/**
 * File > New > Cabin Project: a project with the Cabin nature (its files are checked and compiled on save),
 * empty but for one small agent, or with a copy of an example. The example's main file opens in the editor.
 */
public class NewCabinProjectWizard extends BasicNewResourceWizard implements INewWizard {

	public static final String ID = "dev.cabin.ui.project.newProjectWizard";

	private WizardNewProjectCreationPage namePage;
	private ExamplePage examplePage;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		super.init(workbench, selection);
		setWindowTitle("New Cabin Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		namePage = new WizardNewProjectCreationPage("name");
		namePage.setTitle("Cabin Project");
		namePage.setDescription("A project for in-car agents: .cabin files, checked and compiled on save.");
		addPage(namePage);
		examplePage = new ExamplePage();
		addPage(examplePage);
	}

	/** For the welcome page and tests: selects an example by its label (see {@link CabinExample#ALL}). */
	public void selectExample(String exampleLabel) {
		examplePage.select(exampleLabel);
	}

	@Override
	public boolean performFinish() {
		IProject project = namePage.getProjectHandle();
		CabinExample example = examplePage.example();
		IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(project.getName());
		if (!namePage.useDefaults()) {
			description.setLocationURI(namePage.getLocationURI());
		}
		IFile[] opened = new IFile[1];
		WorkspaceModifyOperation create = new WorkspaceModifyOperation() {
			@Override
			protected void execute(IProgressMonitor monitor) throws CoreException {
				SubMonitor progress = SubMonitor.convert(monitor, "Creating " + project.getName(), 4);
				project.create(description, progress.split(1));
				project.open(progress.split(1));
				CabinNature.addTo(project, progress.split(1));
				opened[0] = example == null ? createAgent(project, progress.split(1)) : copy(example, project, progress.split(1));
			}
		};
		try {
			getContainer().run(true, true, create);
		} catch (InvocationTargetException e) {
			MessageDialog.openError(getShell(), "New Cabin Project", "The project could not be created: "
					+ e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		selectAndReveal(opened[0]);
		try {
			IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), opened[0]);
		} catch (PartInitException e) {
			Platform.getLog(NewCabinProjectWizard.class).error("Cannot open " + opened[0].getFullPath(), e);
		}
		return true;
	}

	private static IFile createAgent(IProject project, IProgressMonitor monitor) throws CoreException {
		IFile file = project.getFile("agent.cabin");
		file.create(new ByteArrayInputStream(AgentTemplate.text("MyAgent").getBytes(StandardCharsets.UTF_8)), true,
				monitor);
		return file;
	}

	/* The example's folders, from the bundle into the project, each under its own name. */
	private static IFile copy(CabinExample example, IProject project, IProgressMonitor monitor) throws CoreException {
		Bundle bundle = FrameworkUtil.getBundle(NewCabinProjectWizard.class);
		SubMonitor progress = SubMonitor.convert(monitor, example.folders().size());
		for (String folder : example.folders()) {
			Enumeration<URL> entries = bundle.findEntries("examples/" + folder, "*", true);
			if (entries == null) {
				throw new CoreException(Status.error("The example " + folder + " is missing from " + bundle.getSymbolicName()));
			}
			while (entries.hasMoreElements()) {
				URL entry = entries.nextElement();
				String path = entry.getPath().substring(entry.getPath().indexOf("examples/") + "examples/".length());
				if (!path.endsWith("/")) {
					copyEntry(entry, project.getFile(path), progress.newChild(0));
				}
			}
			progress.worked(1);
		}
		return project.getFile(example.mainFile());
	}

	private static void copyEntry(URL entry, IFile target, IProgressMonitor monitor) throws CoreException {
		createFolders(target.getParent(), monitor);
		try (InputStream in = entry.openStream()) {
			target.create(in, true, monitor);
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot copy " + entry.getPath(), e));
		}
	}

	private static void createFolders(IContainer container, IProgressMonitor monitor) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent(), monitor);
			folder.create(true, true, monitor);
		}
	}
}
