package dev.cabin.studio;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.eclipse.ui.wizards.IWizardDescriptor;

/**
 * Cabin Studio's welcome page, shown on the first start: what the IDE does and the first steps, the first of
 * which creates an example project with the New Cabin Project wizard.
 */
public final class WelcomeView extends ViewPart {

	public static final String ID = "dev.cabin.studio.welcome";

	/** The New Cabin Project wizard, found by id in the workbench's new-wizard registry. */
	public static final String NEW_PROJECT_WIZARD = "dev.cabin.ui.project.newProjectWizard";

	private static final String SIMULATOR = "dev.cabin.ui.simulator.view";
	private static final String DIAGRAM = "dev.cabin.ui.diagram.view";
	private static final String LLM_PREFERENCES = "dev.cabin.ui.preferences.llm";

	private Image logo;
	private Label message;
	private WizardDialog wizard;

	@Override
	public void createPartControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		page.setBackgroundMode(SWT.INHERIT_FORCE);
		GridLayoutFactory.fillDefaults().numColumns(2).margins(24, 18).spacing(18, 10).applyTo(page);
		logo = AbstractUIPlugin.imageDescriptorFromPlugin("dev.cabin.studio", "icons/cabin64.png").createImage();
		Label image = new Label(page, SWT.NONE);
		image.setImage(logo);
		GridDataFactory.fillDefaults().span(1, 2).applyTo(image);
		Label title = new Label(page, SWT.NONE);
		title.setText("Welcome to Cabin Studio");
		title.setFont(JFaceResources.getHeaderFont());
		Label intro = new Label(page, SWT.WRAP);
		intro.setText("Write in-car AI assistants in the Cabin language, see their flows as diagrams, talk to them "
				+ "in the simulator (voice, gaze, gestures, driver state, vehicle signals), measure how well they "
				+ "understand, and export signed builds for the car.");
		GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(intro);

		link(page, "1. <a>Create an example project</a>: the New Cabin Project wizard, with an example agent.",
				this::createExampleProject);
		link(page, "2. Open its .cabin file; the <a>Flow Diagram</a> shows its triggers and flows.",
				() -> show(DIAGRAM));
		link(page, "3. Talk to the agent in the <a>Simulator</a>, and save a conversation as a test.",
				() -> show(SIMULATOR));
		link(page, "4. For generate steps, choose an LLM in <a>Preferences > Cabin > LLM Providers</a> "
				+ "(the keys go to secure storage).", () -> PreferencesUtil
						.createPreferenceDialogOn(getSite().getShell(), LLM_PREFERENCES, null, null).open());
		new Label(page, SWT.NONE);
		message = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(message);
	}

	private static void link(Composite page, String text, Runnable action) {
		new Label(page, SWT.NONE);
		Link link = new Link(page, SWT.WRAP);
		link.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(link);
		link.addListener(SWT.Selection, event -> action.run());
	}

	/**
	 * Opens the New Cabin Project wizard (without waiting for it to close); says so clearly when it is not
	 * installed.
	 */
	public void createExampleProject() {
		IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(NEW_PROJECT_WIZARD);
		if (descriptor == null) {
			message.setText("The New Cabin Project wizard (" + NEW_PROJECT_WIZARD + ") is not installed in this "
					+ "workbench. Use File > New > Project > General > Project and copy an example from the "
					+ "examples folder of Cabin Studio's sources.");
			message.getParent().layout(true, true);
			return;
		}
		try {
			INewWizard created = (INewWizard) descriptor.createWizard();
			created.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
			wizard = new WizardDialog(getSite().getShell(), created);
			wizard.setBlockOnOpen(false);
			wizard.open();
			message.setText("");
		} catch (CoreException e) {
			message.setText("The New Cabin Project wizard could not be opened: " + e.getMessage());
		}
		message.getParent().layout(true, true);
	}

	/** What the page says after an action (empty when all went well). */
	public String message() {
		return message.getText();
	}

	/** The wizard dialog the first step opened, or {@code null}. */
	public WizardDialog wizard() {
		return wizard;
	}

	private void show(String view) {
		try {
			getSite().getPage().showView(view, null, IWorkbenchPage.VIEW_ACTIVATE);
		} catch (PartInitException e) {
			message.setText("Cannot open the view: " + e.getMessage());
		}
	}

	@Override
	public void setFocus() {
		message.getParent().setFocus();
	}

	@Override
	public void dispose() {
		if (logo != null) {
			logo.dispose();
		}
		super.dispose();
	}
}
