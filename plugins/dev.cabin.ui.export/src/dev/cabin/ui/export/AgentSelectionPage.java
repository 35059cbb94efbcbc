package dev.cabin.ui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.viewers.CheckboxTreeViewer;
import org.eclipse.jface.viewers.ICheckStateProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.ui.editor.CabinLanguage;

/** The first page: which agents go into the build, grouped by the file that defines them. */
final class AgentSelectionPage extends WizardPage {

	/** One agent of one file. */
	record AgentEntry(IFile file, String id) {
	}

	private final IStructuredSelection selection;
	private final Map<IFile, List<AgentEntry>> agentsByFile = new LinkedHashMap<>();
	private final Set<AgentEntry> checked = new LinkedHashSet<>();
	private CheckboxTreeViewer viewer;

	AgentSelectionPage(IStructuredSelection selection) {
		super("agents", "Agents", null);
		this.selection = selection;
		setDescription("Choose the agents to build for a car.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		new Label(page, SWT.NONE).setText("Agents of the workspace:");
		loadAgents();
		viewer = new CheckboxTreeViewer(page, SWT.BORDER);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.getTree().setData(CarBuildExportWizard.FIELD, "agents");
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(LabelProvider.createTextProvider(element -> element instanceof IFile file
				? file.getFullPath().makeRelative().toString()
				: ((AgentEntry) element).id()));
		viewer.setCheckStateProvider(new CheckState());
		viewer.addCheckStateListener(event -> {
			List<AgentEntry> affected = event.getElement() instanceof IFile file ? agentsByFile.get(file)
					: List.of((AgentEntry) event.getElement());
			if (event.getChecked()) {
				checked.addAll(affected);
			} else {
				affected.forEach(checked::remove);
			}
			viewer.refresh();
			update();
		});
		viewer.setInput(agentsByFile);
		viewer.expandAll();
		preselect();
		viewer.refresh();
		update();
		setControl(page);
	}

	private void loadAgents() {
		List<IFile> files = WorkspaceFiles.cabinFiles();
		Map<Path, IFile> byLocation = new LinkedHashMap<>();
		files.forEach(file -> byLocation.put(WorkspaceFiles.location(file).toAbsolutePath().normalize(), file));
		LoadResult loaded = CabinLanguage.sources().load(new ArrayList<>(byLocation.keySet()));
		for (CabinFile cabinFile : loaded.files()) {
			IFile file = byLocation.get(Path.of(cabinFile.eResource().getURI().toFileString()));
			for (Agent agent : cabinFile.getAgents()) {
				if (file != null && agent.getName() != null) {
					agentsByFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new AgentEntry(file, agent.getName()));
				}
			}
		}
	}

	/* The agents of the files and folders selected in the workbench; all agents when nothing fits. */
	private void preselect() {
		for (Object element : selection.toList()) {
			IResource resource = element instanceof IAdaptable adaptable ? adaptable.getAdapter(IResource.class) : null;
			agentsByFile.forEach((file, agents) -> {
				if (resource != null && (resource.equals(file)
						|| resource instanceof IContainer container && container.getFullPath().isPrefixOf(file.getFullPath()))) {
					checked.addAll(agents);
				}
			});
		}
		if (checked.isEmpty()) {
			agentsByFile.values().forEach(checked::addAll);
		}
	}

	private void update() {
		if (agentsByFile.isEmpty()) {
			setErrorMessage("The workspace has no .cabin file with an agent.");
		} else {
			setErrorMessage(null);
			setMessage(checked.isEmpty() ? "Check at least one agent." : null);
		}
		setPageComplete(!checked.isEmpty());
	}

	/** The files that define the checked agents. */
	List<IFile> files() {
		return checked.stream().map(AgentEntry::file).distinct().toList();
	}

	List<String> agentIds() {
		return checked.stream().map(AgentEntry::id).toList();
	}

	private final class Content implements ITreeContentProvider {

		@Override
		public Object[] getElements(Object input) {
			return agentsByFile.keySet().toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof IFile file ? agentsByFile.get(file).toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return element instanceof AgentEntry agent ? agent.file() : null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof IFile;
		}
	}

	private final class CheckState implements ICheckStateProvider {

		@Override
		public boolean isChecked(Object element) {
			return element instanceof IFile file ? agentsByFile.get(file).stream().anyMatch(checked::contains)
					: checked.contains(element);
		}

		@Override
		public boolean isGrayed(Object element) {
			return element instanceof IFile file && !checked.containsAll(agentsByFile.get(file))
					&& agentsByFile.get(file).stream().anyMatch(checked::contains);
		}
	}
}
