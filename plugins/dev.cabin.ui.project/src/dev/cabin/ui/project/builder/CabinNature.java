package dev.cabin.ui.project.builder;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** A Cabin project: its .cabin files are checked and compiled by the {@link CabinBuilder} on save. */
public class CabinNature implements IProjectNature {

	public static final String ID = "dev.cabin.ui.cabinNature";

	private IProject project;

	/** Makes a project a Cabin project (which adds the builder). */
	public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
		IProjectDescription description = project.getDescription();
		if (description.hasNature(ID)) {
			return;
		}
		List<String> natures = new ArrayList<>(List.of(description.getNatureIds()));
		natures.add(ID);
		description.setNatureIds(natures.toArray(String[]::new));
		project.setDescription(description, monitor);
	}

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		for (ICommand command : description.getBuildSpec()) {
			if (CabinBuilder.ID.equals(command.getBuilderName())) {
				return;
			}
		}
		List<ICommand> commands = new ArrayList<>(List.of(description.getBuildSpec()));
		ICommand build = description.newCommand();
		build.setBuilderName(CabinBuilder.ID);
		commands.add(build);
		description.setBuildSpec(commands.toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(List.of(description.getBuildSpec()));
		commands.removeIf(command -> CabinBuilder.ID.equals(command.getBuilderName()));
		description.setBuildSpec(commands.toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
