package dev.cabin.ui.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextUtilities;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.conversation.ConversationRunner;
import dev.cabin.engine.Reply;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.ui.diagram.DiagramView;
import dev.cabin.ui.preferences.ApiKeyStore;
import dev.cabin.ui.preferences.CabinPreferences;
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
	private static final List<String> GESTURES = List.of("SwipeLeft", "SwipeRight", "SwipeForward", "SwipeBackward",
			"ThumbsUp", "Point", "Wave");
	private static final List<String> POSTURES = List.of("Attentive", "Drowsy", "Distracted", "LeaningForward",
			"HandsOffWheel");

	/** Turns of one view run one after another, in the order they were asked for. */
	private final ISchedulingRule turnsInOrder = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};

	private Simulation simulation;
	private IFile sourceFile;
	private Path sourcePath;
	private Job loading;
	private int pendingTurns;
	private VssCatalogue catalogue;
	/** How the agent runs: offline, or with which LLM. */
	private String mode;
	private long compiledIn;

	private Combo agents;
	private Combo locale;
	private Label status;
	private StyledText transcript;
	private Text utterance;
	private CabinMap map;
	private Spinner dwell;
	private SignalPalette signals;
	private ScrolledComposite signalScroller;
	private Composite signalArea;
	private TracePanel trace;
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
		createCar(columns);
		trace = new TracePanel(columns);
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
		transcript = new StyledText(conversation, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		transcript.setMargins(6, 4, 6, 4);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(SWT.DEFAULT, 120).applyTo(transcript);

		utterance = new Text(conversation, SWT.BORDER | SWT.SINGLE);
		utterance.setMessage("Say something (typed speech); Enter sends");
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(utterance);
		utterance.addListener(SWT.DefaultSelection, event -> say());
		Button send = new Button(conversation, SWT.PUSH);
		send.setText("&Say");
		send.addListener(SWT.Selection, event -> say());

		Composite palette = new Composite(conversation, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(palette);
		GridLayoutFactory.fillDefaults().numColumns(6).applyTo(palette);
		button(palette, "&Wake word", () -> send(new InputEvent.Wake(null)));
		button(palette, "&Push-to-talk", () -> send(new InputEvent.PushToTalk()));
		Combo gesture = choice(palette, GESTURES);
		button(palette, "&Gesture", () -> send(new InputEvent.Gesture(gesture.getText())));
		Combo posture = choice(palette, POSTURES);
		button(palette, "&Driver", () -> send(new InputEvent.Posture(posture.getText())));
		Text touch = new Text(palette, SWT.BORDER);
		touch.setMessage("touch control");
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(touch);
		button(palette, "&Touch", () -> {
			if (!touch.getText().isBlank()) {
				send(new InputEvent.Touch(touch.getText().strip()));
			}
		});
		button(palette, "Wait &3 s", () -> send(new InputEvent.Wait(3_000)));
	}

	private static Combo choice(Composite parent, List<String> items) {
		Combo combo = new Combo(parent, SWT.DROP_DOWN);
		items.forEach(combo::add);
		combo.select(0);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
		return combo;
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, event -> action.run());
		return button;
	}

	private void createCar(Composite columns) {
		SashForm car = new SashForm(columns, SWT.VERTICAL);
		Group gaze = new Group(car, SWT.NONE);
		gaze.setText("Gaze: click where the occupant looks");
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(gaze);
		map = new CabinMap(gaze, zone -> send(new InputEvent.Gaze(zone, (long) dwell.getSelection())));
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(map);
		new Label(gaze, SWT.NONE).setText("for");
		dwell = new Spinner(gaze, SWT.BORDER);
		dwell.setValues(1000, 0, 10_000, 0, 100, 500);
		new Label(gaze, SWT.NONE).setText("ms");

		Group vehicle = new Group(car, SWT.NONE);
		vehicle.setText("Vehicle signals (* read by the agent)");
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(vehicle);
		signalScroller = new ScrolledComposite(vehicle, SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(signalScroller);
		signalArea = new Composite(signalScroller, SWT.NONE);
		signalScroller.setContent(signalArea);
		signalScroller.setExpandHorizontal(true);
		signalScroller.setExpandVertical(true);
		signals = new SignalPalette(signalArea, (path, value) -> send(new InputEvent.Signal(path, value)));
		car.setWeights(62, 38);
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
				saveAsTest();
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

	/** Compiles the text of the file in a job and starts a conversation with its first agent. */
	public void load(IFile file, String text) {
		sourceFile = file;
		sourcePath = file.getLocation().toFile().toPath();
		Path path = sourcePath;
		setEnabled(false);
		status.setText("Compiling " + file.getName() + "...");
		Display display = Display.getCurrent();
		loading = Job.create("Loading agent " + file.getName(), monitor -> {
			monitor.beginTask("Loading agent " + file.getName(), 4);
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
			monitor.worked(1);
			monitor.subTask("parsing, validating and compiling");
			Simulation loaded;
			long start = System.nanoTime();
			try {
				loaded = Simulation.load(path, text, model,
						(task, done, total) -> monitor.subTask(task + " (" + done + " of " + total + ")"));
			} catch (Simulation.SimulationException e) {
				String message = e.getMessage();
				UiThread.later(display, transcript, () -> status.setText("Cannot simulate: " + message));
				return Status.OK_STATUS;
			}
			monitor.worked(2);
			long compileMillis = (System.nanoTime() - start) / 1_000_000;
			monitor.subTask("the VSS catalogue");
			VssCatalogue catalogue = preferences.vssCatalogue().catalogue();
			monitor.worked(1);
			String mode = llm;
			UiThread.later(display, transcript, () -> loaded(loaded, catalogue, mode, compileMillis));
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

	private void loaded(Simulation loaded, VssCatalogue vss, String llm, long compileMillis) {
		simulation = loaded;
		compiledIn = compileMillis;
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
		map.setWatched(simulation.watchedZones());
		simulation.given(signals.show(simulation.signalsRead(), catalogue));
		signalScroller.setMinSize(signalArea.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		transcript.setText("");
		trace.clear();
		note("Talking to " + simulation.agent().id() + " from " + sourceFile.getFullPath() + " (" + mode
				+ "; compiled in " + compiledIn + " ms).");
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
		you(event);
		pendingTurns++;
		status.setText(simulation.agent().id() + " is thinking...");
		Display display = Display.getCurrent();
		Job turn = new Job("Simulating " + describe(event)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return runTurn(target, event, monitor, display);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == SimulatorView.this;
			}
		};
		turn.setRule(turnsInOrder);
		turn.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent done) {
				UiThread.later(display, transcript, () -> {
					pendingTurns--;
					if (done.getResult().getSeverity() == IStatus.CANCEL) {
						note("(stopped: the reply to " + describe(event) + " is not shown)");
					}
					if (!busy()) {
						status.setText(target.agent().id() + ": " + mode);
					}
				});
			}
		});
		turn.schedule();
	}

	/**
	 * Runs the turn on a worker so that cancelling the job stops the waiting at once; the engine finishes the
	 * turn (an LLM call is bounded by its timeout) and the session keeps what it did.
	 */
	private IStatus runTurn(Simulation target, InputEvent event, IProgressMonitor monitor, Display display) {
		monitor.beginTask("Simulating " + describe(event), IProgressMonitor.UNKNOWN);
		CompletableFuture<Simulation.Turn> work = CompletableFuture.supplyAsync(() -> target.handle(event));
		while (true) {
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			try {
				Simulation.Turn done = work.get(50, TimeUnit.MILLISECONDS);
				UiThread.later(display, transcript, () -> answered(target, done));
				return Status.OK_STATUS;
			} catch (TimeoutException e) {
				monitor.worked(1);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Status.CANCEL_STATUS;
			} catch (ExecutionException e) {
				UiThread.later(display, transcript, () -> note("(the engine failed: " + e.getCause() + ")"));
				return Status.OK_STATUS;
			}
		}
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
		for (Reply reply : turn.result().replies()) {
			if (reply.type().equals("stop")) {
				note("(" + reply.agent() + " stops speaking)");
			} else {
				agent(reply.agent(), reply.text() + (reply.screen() != null ? "   [screen: " + reply.screen() + "]" : ""));
			}
		}
		for (ToolCall call : turn.result().toolCalls()) {
			note("  " + call.tool() + " " + call.args() + ": " + call.outcome()
					+ (call.reason() != null ? " (" + call.reason() + ")" : ""));
		}
		if (turn.result().handoff() != null) {
			note("(now talking to " + turn.result().handoff() + ")");
		}
		if (turn.result().replies().isEmpty() && turn.result().toolCalls().isEmpty()) {
			note("(no reply)");
		}
		trace.add(turn);
		DiagramView diagram = diagram();
		if (diagram != null) {
			diagram.showSimulation(ConversationOverlay.of(simulation.turns(), simulation.agents()));
		}
	}

	private DiagramView diagram() {
		return getSite().getPage().findView(DiagramView.ID) instanceof DiagramView view ? view : null;
	}

	private static String describe(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			return "\"" + voice.text() + "\"";
		}
		return ConversationTestText.input(event);
	}

	/* ---------------------------------------------------------------- transcript */

	private void you(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			line("you" + (voice.locale() != null ? " (" + voice.locale() + ")" : ""), voice.text(), SWT.COLOR_DARK_BLUE);
		} else {
			note("[" + ConversationTestText.input(event) + "]");
		}
	}

	private void agent(String name, String text) {
		line(name, text, SWT.COLOR_DARK_GREEN);
	}

	private void line(String who, String text, int color) {
		int start = transcript.getCharCount();
		transcript.append(who + ": " + text + "\n");
		StyleRange speaker = new StyleRange(start, who.length() + 1, transcript.getDisplay().getSystemColor(color), null,
				SWT.BOLD);
		transcript.setStyleRange(speaker);
		transcript.setTopIndex(transcript.getLineCount() - 1);
	}

	private void note(String text) {
		int start = transcript.getCharCount();
		transcript.append(text + "\n");
		transcript.setStyleRange(new StyleRange(start, text.length(),
				transcript.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY), null, SWT.ITALIC));
		transcript.setTopIndex(transcript.getLineCount() - 1);
	}

	/* ---------------------------------------------------------------- tests */

	private void saveAsTest() {
		List<Simulation.Turn> turns = simulation.turns();
		if (turns.isEmpty()) {
			status.setText("Nothing to save: the conversation has no turn yet.");
			return;
		}
		InputDialog name = new InputDialog(getSite().getShell(), "Save as Conversation Test",
				"Name of the test (it is appended to agent " + simulation.agent().id() + "):",
				"simulated conversation " + (simulation.agent().tests().size() + 1),
				text -> text.isBlank() ? "The test needs a name" : null);
		if (name.open() == Window.OK) {
			saveAsTest(name.getValue().strip());
		}
	}

	/**
	 * Appends the conversation as a test block to the agent: in the open editor's document (one undo takes it
	 * back; the author saves), else in the file.
	 */
	public void saveAsTest(String name) {
		String agentId = simulation.agent().id();
		IDocument document = openDocument();
		try {
			String text = document != null ? document.get()
					: new String(sourceFile.getContents().readAllBytes(), StandardCharsets.UTF_8);
			int offset = Simulation.testInsertionOffset(sourcePath, text, agentId);
			if (offset < 0) {
				status.setText("Agent " + agentId + " is no longer in " + sourceFile.getName() + "; nothing saved.");
				return;
			}
			String lineBreak = document != null ? TextUtilities.getDefaultLineDelimiter(document)
					: text.contains("\r\n") ? "\r\n" : "\n";
			String indent = text.contains(lineBreak + "\t") ? "\t" : "    ";
			String before = text.substring(0, offset);
			String block = (before.endsWith(lineBreak) ? "" : lineBreak) + lineBreak
					+ ConversationTestText.of(name, simulation.givenSignalsRead(), simulation.turns(), indent,
							lineBreak);
			if (document != null) {
				document.replace(offset, 0, block);
			} else {
				String updated = before + block + text.substring(offset);
				sourceFile.setContents(new ByteArrayInputStream(updated.getBytes(StandardCharsets.UTF_8)),
						IResource.KEEP_HISTORY, null);
			}
			note("(saved as test \"" + name + "\" in " + sourceFile.getName()
					+ (document != null ? "; save the editor to keep it" : "") + ")");
		} catch (CoreException | IOException | BadLocationException e) {
			status.setText("The test could not be saved: " + e.getMessage());
		}
	}

	private IDocument openDocument() {
		for (var reference : getSite().getPage().getEditorReferences()) {
			IEditorPart editor = reference.getEditor(false);
			if (editor instanceof ITextEditor text && editor.getEditorInput() instanceof IFileEditorInput input
					&& input.getFile().equals(sourceFile)) {
				return text.getDocumentProvider().getDocument(input);
			}
		}
		return null;
	}

	/** Runs the agent's conversation tests, from the file's current text, in a job; returns the job. */
	public Job replay() {
		String agentId = simulation.agent().id();
		IDocument document = openDocument();
		String text;
		try {
			text = document != null ? document.get()
					: new String(sourceFile.getContents().readAllBytes(), StandardCharsets.UTF_8);
		} catch (CoreException | IOException e) {
			status.setText("Cannot read " + sourceFile.getName() + ": " + e.getMessage());
			return null;
		}
		Path path = sourcePath;
		Display display = Display.getCurrent();
		note("Replaying the conversation tests of " + agentId + "...");
		Job job = Job.create("Replaying the conversation tests of " + agentId, monitor -> {
			monitor.beginTask("Replaying the conversation tests of " + agentId, 2);
			try {
				Simulation fresh = Simulation.load(path, text, null);
				monitor.worked(1);
				fresh.start(agentId);
				List<ConversationRunner.Result> results = fresh.runTests();
				UiThread.later(display, transcript, () -> replayed(results));
			} catch (Simulation.SimulationException e) {
				UiThread.later(display, transcript, () -> note("(cannot replay: " + e.getMessage() + ")"));
			}
			monitor.done();
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void replayed(List<ConversationRunner.Result> results) {
		int failed = 0;
		for (ConversationRunner.Result result : results) {
			if (result.passed()) {
				note("PASS " + result.test());
			} else {
				failed++;
				note("FAIL " + result.test());
				result.failures().forEach(failure -> note("    " + failure));
			}
		}
		String summary = (results.size() - failed) + " passed, " + failed + " failed";
		note(summary);
		status.setText("Tests: " + summary);
	}

	/* ---------------------------------------------------------------- for tests and tools */

	public StyledText transcript() {
		return transcript;
	}

	public Text utterance() {
		return utterance;
	}

	public Tree traceTree() {
		return trace.tree();
	}

	public CabinMap cabinMap() {
		return map;
	}

	public Label status() {
		return status;
	}

	/** The control of a vehicle signal in the palette, or {@code null}. */
	public Control signalControl(String path) {
		for (Control control : signalArea.getChildren()) {
			if (path.equals(control.getData(SignalPalette.SIGNAL))) {
				return control;
			}
		}
		return null;
	}
}
