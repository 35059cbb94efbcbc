package dev.cabin.ui.simulator;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.eclipse.ui.part.ViewPart;

import dev.cabin.compiler.service.Compilation;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.ui.compile.ExclusiveRule;
import dev.cabin.ui.compile.MonitorProgress;
import dev.cabin.ui.diagram.DiagramView;
import dev.cabin.ui.preferences.ApiKeyStore;
import dev.cabin.ui.preferences.CabinPreferences;
import dev.cabin.ui.views.AgentSource;
import dev.cabin.ui.views.UiThread;
import dev.cabin.vss.VssCatalogue;

/**
 * Talks to an agent in a simulated car: typed speech with a locale, the wake word and push-to-talk, gestures,
 * the driver's state, gaze on a cabin map, vehicle signals as controls; the transcript, the engine's trace of
 * every turn, and the turns drawn on the Flow Diagram. Compiling and every turn run in jobs (with progress and
 * cancel); the UI thread only shows results. A conversation can be saved as a conversation test of the agent
 * and the agent's tests replayed.
 */
public final class SimulatorView extends ViewPart {

	public static final String ID = "dev.cabin.ui.simulator.view";

	private static final String AUTO_LOCALE = "auto";
	/** The share of loading an agent that is not compiling it; compiling takes two such shares. */
	private static final int COMPILE_TICKS = 100;

	/** Turns of one view run one after another, in the order they were asked for. */
	private final ISchedulingRule turnsInOrder = new ExclusiveRule();

	private Simulation simulation;
	private IFile sourceFile;
	private Job loading;
	private int pendingTurns;
	private VssCatalogue catalogue;
	/** How the agent runs: offline, or with which LLM. */
	private String mode;

	private Combo agents;
	private Combo locale;
	private Label status;
	private Transcript transcript;
	private Text utterance;
	private CarPanel car;
	private TracePanel trace;
	private ConversationTests tests;
	private Action saveAsTest;
	private Action replayTests;
	private Action reset;
	private Action stop;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createAgentBar(parent);
		SashForm columns = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(columns);
		createConversation(columns);
		car = new CarPanel(columns, this::send);
		trace = new TracePanel(columns);
		tests = new ConversationTests(getSite(), transcript, status);
		columns.setWeights(42, 26, 32);
		createActions();
		setEnabled(false);
		IEditorPart editor = getSite().getPage().getActiveEditor();
		if (AgentSource.of(editor) != null) {
			loadFromEditor(editor);
		} else {
			status.setText("Open a .cabin file in the editor and press Load, or choose a file.");
		}
	}

	private void createAgentBar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(7).applyTo(bar);
		Button fromEditor = new Button(bar, SWT.PUSH);
		fromEditor.setText("Load from &Editor");
		fromEditor.setToolTipText("Simulate the agents of the .cabin file in the active editor (unsaved text included)");
		fromEditor.addListener(SWT.Selection, event -> {
			IEditorPart editor = getSite().getPage().getActiveEditor();
			if (AgentSource.of(editor) == null) {
				status.setText("No .cabin file is open in an editor.");
			} else {
				loadFromEditor(editor);
			}
		});
		Button chooseFile = new Button(bar, SWT.PUSH);
		chooseFile.setText("&File...");
		chooseFile.addListener(SWT.Selection, event -> chooseWorkspaceFile());
		new Label(bar, SWT.NONE).setText("Agent:");
		agents = new Combo(bar, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(agents);
		agents.addListener(SWT.Selection, event -> startConversation(agents.getText()));
		new Label(bar, SWT.NONE).setText("Locale:");
		locale = new Combo(bar, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(locale);
		locale.setToolTipText("The locale the speech recognizer hears; auto lets the engine tell from the text");
		locale.addListener(SWT.Selection, event -> {
			if (simulation != null && !locale.getText().equals(AUTO_LOCALE)) {
				simulation.session().locale(locale.getText());
			}
		});
		status = new Label(bar, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
	}

	private void createConversation(Composite columns) {
		Composite conversation = new Composite(columns, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(conversation);
		transcript = new Transcript(conversation, 3);
		utterance = new Text(conversation, SWT.BORDER | SWT.SINGLE);
		utterance.setMessage("Say something (typed speech); Enter sends");
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(utterance);
		utterance.addListener(SWT.DefaultSelection, event -> say());
		InputPalette.button(conversation, "&Say", this::say);
		InputPalette.create(conversation, 3, this::send);
	}

	private void createActions() {
		reset = new Action("Restart") {
			@Override
			public void run() {
				startConversation(agents.getText());
			}
		};
		reset.setToolTipText("A new conversation with the agent, in a parked car");
		saveAsTest = new Action("Save as Test") {
			@Override
			public void run() {
				tests.askAndSave(simulation, sourceFile);
			}
		};
		saveAsTest.setToolTipText("Append this conversation to the agent as a conversation test");
		replayTests = new Action("Replay Tests") {
			@Override
			public void run() {
				replay();
			}
		};
		replayTests.setToolTipText("Run the agent's conversation tests, as cabin test does");
		stop = new Action("Stop") {
			@Override
			public void run() {
				Job.getJobManager().cancel(SimulatorView.this);
			}
		};
		stop.setToolTipText("Stop waiting for the turns asked for (an LLM that takes long)");
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(stop);
		toolbar.add(reset);
		toolbar.add(saveAsTest);
		toolbar.add(replayTests);
	}

	private void setEnabled(boolean enabled) {
		for (Action action : new Action[] { reset, saveAsTest, replayTests }) {
			action.setEnabled(enabled);
		}
		utterance.setEnabled(enabled);
	}

	@Override
	public void setFocus() {
		utterance.setFocus();
	}

	/* ---------------------------------------------------------------- loading */

	private void loadFromEditor(IEditorPart editor) {
		AgentSource source = AgentSource.of(editor);
		load(source.file(), source.text());
	}

	private void chooseWorkspaceFile() {
		FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(getSite().getShell(), false,
				ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
		dialog.setTitle("Simulate an Agent");
		dialog.setInitialPattern("*.cabin");
		if (dialog.open() == Window.OK && dialog.getResult().length > 0
				&& dialog.getResult()[0] instanceof IFile file) {
			load(file);
		}
	}

	/** Simulates the agents of a workspace file as saved. */
	public void load(IFile file) {
		try {
			load(file, new String(file.getContents().readAllBytes(), Charset.forName(file.getCharset())));
		} catch (CoreException | IOException e) {
			status.setText("Cannot read " + file.getFullPath() + ": " + e.getMessage());
		}
	}

	/**
	 * Compiles the text of the file in a job (an agent compiled before comes from the cache) and starts a
	 * conversation with its first agent.
	 */
	public void load(IFile file, String text) {
		sourceFile = file;
		Path path = ConversationTests.location(file);
		setEnabled(false);
		status.setText("Compiling " + file.getName() + "...");
		Display display = Display.getCurrent();
		loading = Job.create("Loading agent " + file.getName(), monitor -> {
			monitor.beginTask("Loading agent " + file.getName(), 4 * COMPILE_TICKS);
			monitor.subTask("reading the LLM settings");
			CabinPreferences preferences = CabinPreferences.instance();
			LanguageModel model = null;
			String llm;
			try {
				LlmSettings settings = preferences.llmSettings();
				model = preferences.languageModel(ApiKeyStore.standard());
				llm = settings == null ? "offline" : "LLM " + settings.provider() + "/" + settings.model();
			} catch (LlmConfigurationException e) {
				llm = "offline (" + e.getMessage() + ")";
			}
			monitor.worked(COMPILE_TICKS);
			monitor.subTask("parsing, validating and compiling");
			Simulation loaded;
			try {
				loaded = Simulation.load(path, text, model, MonitorProgress.on(monitor, 2 * COMPILE_TICKS),
						MonitorProgress.cancellation(monitor));
			} catch (Simulation.SimulationException e) {
				String message = e.getMessage();
				UiThread.later(display, status, () -> status.setText("Cannot simulate: " + message));
				return Status.OK_STATUS;
			} catch (CancellationException e) {
				UiThread.later(display, status, () -> status.setText("Loading " + file.getName() + " was stopped."));
				return Status.CANCEL_STATUS;
			}
			monitor.subTask("the VSS catalogue");
			VssCatalogue catalogue = preferences.vssCatalogue().catalogue();
			monitor.worked(COMPILE_TICKS);
			String mode = llm;
			UiThread.later(display, status, () -> loaded(loaded, catalogue, mode));
			monitor.done();
			return Status.OK_STATUS;
		});
		loading.setUser(false);
		loading.schedule();
	}

	/** The job compiling the agent, or {@code null} before the first load. */
	public Job loading() {
		return loading;
	}

	private void loaded(Simulation loaded, VssCatalogue vss, String llm) {
		simulation = loaded;
		catalogue = vss;
		mode = llm;
		agents.setItems(loaded.agentIds().toArray(String[]::new));
		agents.select(0);
		startConversation(agents.getText());
	}

	private void startConversation(String agentId) {
		if (simulation == null) {
			return;
		}
		simulation.start(agentId);
		locale.removeAll();
		locale.add(AUTO_LOCALE);
		simulation.agent().locales().forEach(locale::add);
		locale.select(0);
		simulation.given(car.show(simulation, catalogue));
		transcript.clear();
		trace.clear();
		Compilation compilation = simulation.compilation();
		transcript.note("Talking to " + simulation.agent().id() + " from " + sourceFile.getFullPath() + " (" + mode
				+ "; " + (compilation.fromCache() ? "from the cache, unchanged since compiled" : "compiled") + " in "
				+ compilation.millis() + " ms).");
		status.setText(simulation.agent().id() + ": " + mode);
		setEnabled(true);
		DiagramView diagram = diagram();
		if (diagram != null) {
			diagram.clearSimulation();
		}
	}

	/* ---------------------------------------------------------------- turns */

	private void say() {
		String text = utterance.getText().strip();
		if (text.isEmpty() || simulation == null) {
			return;
		}
		utterance.setText("");
		String heard = locale.getText().equals(AUTO_LOCALE) ? null : locale.getText();
		send(new InputEvent.Voice(text, heard, 1.0));
	}

	/** Sends an event to the agent in a job; the transcript shows it now and the reply when it comes. */
	public void send(InputEvent event) {
		if (simulation == null) {
			status.setText("Load an agent first.");
			return;
		}
		Simulation target = simulation;
		transcript.you(event);
		pendingTurns++;
		status.setText(simulation.agent().id() + " is thinking...");
		Display display = Display.getCurrent();
		Job turn = new TurnJob(target, event, this, turnsInOrder, status, done -> answered(target, done),
				transcript::note);
		turn.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent done) {
				UiThread.later(display, status, () -> {
					pendingTurns--;
					if (done.getResult().getSeverity() == IStatus.CANCEL) {
						transcript.note("(stopped: the reply to " + Transcript.describe(event) + " is not shown)");
					}
					if (!busy()) {
						status.setText(target.agent().id() + ": " + mode);
					}
				});
			}
		});
		turn.schedule();
	}

	/** Stops waiting for the turns asked for (the toolbar's Stop). */
	public void stop() {
		stop.run();
	}

	/** Whether turns are still being simulated. */
	public boolean busy() {
		return pendingTurns > 0;
	}

	private void answered(Simulation target, Simulation.Turn turn) {
		if (target != simulation) {
			return;
		}
		transcript.answer(turn.result());
		trace.add(turn);
		DiagramView diagram = diagram();
		if (diagram != null) {
			diagram.showSimulation(ConversationOverlay.of(simulation.turns(), simulation.agents()));
		}
	}

	private DiagramView diagram() {
		return getSite().getPage().findView(DiagramView.ID) instanceof DiagramView view ? view : null;
	}

	/**
	 * Appends the conversation as a test block to the agent: in the open editor's document (one undo takes it
	 * back; the author saves), else in the file.
	 */
	public void saveAsTest(String name) {
		tests.save(simulation, sourceFile, name);
	}

	/** Runs the agent's conversation tests, from the file's current text, in a job; returns the job. */
	public Job replay() {
		return tests.replay(simulation, sourceFile);
	}

	/* ---------------------------------------------------------------- for tests and tools */

	public StyledText transcript() {
		return transcript.widget();
	}

	public Text utterance() {
		return utterance;
	}

	public Tree traceTree() {
		return trace.tree();
	}

	public CabinMap cabinMap() {
		return car.map();
	}

	public Label status() {
		return status;
	}

	/** The control of a vehicle signal in the palette, or {@code null}. */
	public Control signalControl(String path) {
		return car.signalControl(path);
	}
}
