package dev.cabin.ui.project.wizards;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;

/** Which example the new project starts from, or none (a project with one small agent). */
final class ExamplePage extends WizardPage {

	static final String EMPTY = "Empty project (one small agent)";

	private List choices;
	private Label description;
	private CabinExample selected = CabinExample.ALL.get(0);

	ExamplePage() {
		super("example");
		setTitle("Start from an example");
		setDescription("The project gets a copy of the example's files; it is yours to change.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(1, false));
		choices = new List(page, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
		choices.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		choices.add(EMPTY);
		CabinExample.ALL.forEach(example -> choices.add(example.label()));
		description = new Label(page, SWT.WRAP);
		description.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		choices.addListener(SWT.Selection, event -> selectionChanged());
		choices.select(1);
		selectionChanged();
		setControl(page);
	}

	private void selectionChanged() {
		int index = choices.getSelectionIndex();
		selected = index <= 0 ? null : CabinExample.ALL.get(index - 1);
		description.setText(selected == null ? "An agent file with an intent, a voice trigger and a flow."
				: selected.description());
		description.getParent().layout();
	}

	/** Selects an example by its label (or {@link #EMPTY}). */
	void select(String label) {
		int index = choices.indexOf(label);
		if (index < 0) {
			throw new IllegalArgumentException("no example " + label);
		}
		choices.select(index);
		selectionChanged();
	}

	/** The chosen example, or {@code null} for an empty project. */
	CabinExample example() {
		return selected;
	}
}
