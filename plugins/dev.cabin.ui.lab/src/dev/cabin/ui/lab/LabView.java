package dev.cabin.ui.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import dev.cabin.compiler.CompileException;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusException;
import dev.cabin.lab.CorpusReader;
import dev.cabin.lab.FalseAccepts;
import dev.cabin.lab.HtmlReport;
import dev.cabin.lab.JsonReport;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.LabTest;
import dev.cabin.lab.Outcome;
import dev.cabin.lab.UnrelatedNeighbours;
import dev.cabin.ui.compile.MeasurementRule;
import dev.cabin.ui.compile.MonitorProgress;
import dev.cabin.ui.compile.StudioCompileService;
import dev.cabin.ui.views.AgentSource;
import dev.cabin.ui.views.UiThread;

/**
 * Runs a corpus of utterances against an agent, as {@code cabin labtest} does, in a job with progress and
 * cancel, and shows the recognition lab's report: the headline figures, the confusion heatmap, the intents by
 * F1 (worst first) and the worst errors (the most confident first), with why a request fell back and, when
 * unrelated speech turned it down, the background's lines nearest to it; the HTML and JSON reports are written
 * beside the corpus. With Unrelated speech ({@code --background}), the held-back background runs too, with or
 * without a corpus, and the view adds the false accepts: per 1,000 unrelated requests, the intents they hit and
 * the most confident of them (the reports of the background alone go beside the agent's file).
 */
public final class LabView extends ViewPart {

	public static final String ID = "dev.cabin.ui.lab.view";

	/** Errors listed in the view; the HTML report has them all. */
	private static final int ERRORS_SHOWN = 50;

	private AgentSource agent;
	private Label agentLabel;
	private Text corpus;
	private Combo format;
	private Button unrelatedSpeech;
	private Button run;
	private Label figures;
	private ConfusionHeatmap heatmap;
	private ScrolledComposite heatmapScroller;
	private Table intents;
	private Table errors;
	private Table falseAccepts;
	private Link reports;
	private Job running;
	private LabReport report;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(9).applyTo(bar);
		Button fromEditor = new Button(bar, SWT.PUSH);
		fromEditor.setText("Agent from &Editor");
		fromEditor.addListener(SWT.Selection, event -> useEditor());
		agentLabel = new Label(bar, SWT.NONE);
		GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(agentLabel);
		new Label(bar, SWT.NONE).setText("Corpus:");
		corpus = new Text(bar, SWT.BORDER);
		corpus.setMessage("utterances: .jsonl, .csv or Rasa nlu.yml");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(corpus);
		Button browse = new Button(bar, SWT.PUSH);
		browse.setText("&Browse...");
		browse.addListener(SWT.Selection, event -> {
			FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
			dialog.setFilterExtensions(new String[] { "*.jsonl;*.csv;*.yml;*.yaml", "*.*" });
			String chosen = dialog.open();
			if (chosen != null) {
				corpus.setText(chosen);
			}
		});
		format = new Combo(bar, SWT.READ_ONLY);
		format.setItems("by extension", "jsonl", "csv", "rasa");
		format.select(0);
		unrelatedSpeech = new Button(bar, SWT.CHECK);
		unrelatedSpeech.setText("&Unrelated speech");
		unrelatedSpeech.setToolTipText("Also run the held-back part of the built-in background of unrelated speech and"
				+ " count the requests the agent would act on (false accepts); without a corpus, the background alone");
		run = new Button(bar, SWT.PUSH);
		run.setText("&Run");
		run.addListener(SWT.Selection, event -> run());
		Button stop = new Button(bar, SWT.PUSH);
		stop.setText("S&top");
		stop.addListener(SWT.Selection, event -> {
			if (running != null) {
				running.cancel();
			}
		});

		figures = new Label(parent, SWT.WRAP);
		figures.setText("Choose an agent (open its .cabin file) and a corpus or Unrelated speech, then Run.");
		GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(figures);

		SashForm body = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		heatmapScroller = new ScrolledComposite(body, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		heatmap = new ConfusionHeatmap(heatmapScroller);
		heatmapScroller.setContent(heatmap);
		SashForm tables = new SashForm(body, SWT.VERTICAL);
		intents = table(tables, "Intent", 150, "n", 40, "Precision", 70, "Recall", 70, "F1", 60);
		errors = table(tables, "Line", 50, "Utterance", 260, "Expected", 120, "Got", 120, "Score", 60, "Verdict", 130,
				"Near unrelated speech", 300);
		falseAccepts = table(tables, "Unrelated request acted on", 260, "Background label", 150, "Taken for", 120,
				"Score", 60);
		falseAccepts.setVisible(false);
		body.setWeights(45, 55);

		reports = new Link(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(reports);
		reports.addListener(SWT.Selection, event -> Program.launch(event.text));

		agent = AgentSource.of(getSite().getPage().getActiveEditor());
		showAgent();
	}

	private static Table table(Composite parent, Object... columns) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < columns.length; i += 2) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText((String) columns[i]);
			column.setWidth((Integer) columns[i + 1]);
		}
		return table;
	}

	private void useEditor() {
		AgentSource source = AgentSource.of(getSite().getPage().getActiveEditor());
		if (source == null) {
			figures.setText("No .cabin file is open in an editor.");
			return;
		}
		agent = source;
		showAgent();
	}

	private void showAgent() {
		agentLabel.setText(agent == null ? "(no agent)" : agent.file().getName());
	}

	@Override
	public void setFocus() {
		corpus.setFocus();
	}

	/** Sets the agent, the corpus (none: {@code null}) and Unrelated speech, as choosing them in the view does. */
	public void choose(AgentSource source, Path corpusFile, boolean background) {
		agent = source;
		showAgent();
		corpus.setText(corpusFile == null ? "" : corpusFile.toString());
		unrelatedSpeech.setSelection(background);
	}

	/** Runs the corpus against the agent in a job; returns it, or {@code null} when something is missing. */
	public Job run() {
		if (agent == null) {
			figures.setText("No agent: open its .cabin file and press Agent from Editor.");
			return null;
		}
		boolean background = unrelatedSpeech.getSelection();
		Path corpusFile = corpus.getText().isBlank() ? null : Path.of(corpus.getText().strip());
		if (corpusFile == null && !background) {
			figures.setText("Choose a corpus file, or Unrelated speech to count the agent's false accepts.");
			return null;
		}
		CorpusReader.Format chosen = corpusFile == null ? null
				: format.getSelectionIndex() == 0 ? CorpusReader.Format.ofFile(String.valueOf(corpusFile.getFileName()))
						: CorpusReader.Format.named(format.getText());
		if (corpusFile != null && chosen == null) {
			figures.setText("Which format is " + corpusFile.getFileName() + "? Choose jsonl, csv or rasa.");
			return null;
		}
		AgentSource source = agent;
		Display display = Display.getCurrent();
		String utterances = corpusFile == null ? "the unrelated speech held back"
				: corpusFile.getFileName() + (background ? " and the unrelated speech held back" : "");
		String name = "Lab test of " + source.file().getName() + " on " + utterances;
		String runningText = "Running " + utterances + " against " + source.file().getName() + "...";
		run.setEnabled(false);
		figures.setText(runningText);
		running = Job.create(name, (IJobFunction) monitor -> labTest(source, corpusFile, chosen, background,
				new Announced(name, runningText, display), monitor));
		running.setUser(true);
		running.schedule();
		return running;
	}

	/* What the job is called while others wait for it, and what the view says while it runs. */
	private record Announced(String name, String running, Display display) {
	}

	private IStatus labTest(AgentSource source, Path corpusFile, CorpusReader.Format chosen, boolean background,
			Announced announced, IProgressMonitor monitor) {
		Display display = announced.display();
		monitor.beginTask("Lab test", 1000);
		try {
			Corpus utterances = corpusFile == null ? null : CorpusReader.read(corpusFile, chosen);
			CabinIr compiled = compile(source, monitor);
			AgentIr tested = compiled.agents().get(0);
			SentenceEncoders encoders = StudioCompileService.get().encoders();
			Engine engine = Engine.builder(compiled, encoders).build();
			LabReport result = MeasurementRule.inTurn(announced.name(), monitor,
					other -> say(display, "Waiting for \"" + other + "\" to finish measuring..."), () -> {
						say(display, announced.running());
						return LabTest.measure(engine, tested, utterances, background, encoders,
								Math.max(1, Runtime.getRuntime().availableProcessors()), MonitorProgress.on(monitor, 700));
					});
			if (result.n() == 0) {
				String nothing = result.nothingForTheAgent();
				UiThread.later(display, figures,
						() -> failed(Character.toUpperCase(nothing.charAt(0)) + nothing.substring(1) + "."));
				return Status.OK_STATUS;
			}
			Path reportsBase = corpusFile != null ? corpusFile.resolveSibling(corpusFile.getFileName() + ".lab")
					: source.path().resolveSibling(source.file().getName().replaceFirst("\\.cabin$", "") + "-background.lab");
			Path html = reportsBase.resolveSibling(reportsBase.getFileName() + ".html");
			Path json = reportsBase.resolveSibling(reportsBase.getFileName() + ".json");
			try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
				HtmlReport.write(result, out);
			}
			try (OutputStream out = Files.newOutputStream(json)) {
				JsonReport.write(result, out);
			}
			refresh(html);
			refresh(json);
			UiThread.later(display, figures, () -> show(result, html, json));
			return Status.OK_STATUS;
		} catch (CorpusException | CompileException | IrFormatException | IOException e) {
			UiThread.later(display, figures, () -> failed(e.getMessage()));
			return Status.OK_STATUS;
		} catch (OperationCanceledException | CancellationException | InterruptedException e) {
			UiThread.later(display, figures, () -> failed("Stopped."));
			return Status.CANCEL_STATUS;
		} catch (IllegalStateException e) {
			UiThread.later(display, figures, () -> failed(e.getMessage() + ": " + e.getCause()));
			return Status.OK_STATUS;
		} finally {
			monitor.done();
		}
	}

	private void say(Display display, String text) {
		UiThread.later(display, figures, () -> figures.setText(text));
	}

	/**
	 * The IR of the agent's text as the editor holds it, in the first 300 ticks of the job; an agent compiled
	 * before comes from the cache.
	 */
	private static CabinIr compile(AgentSource source, IProgressMonitor monitor) {
		CabinIr ir = StudioCompileService.compile(source.path(), source.text(), MonitorProgress.on(monitor, 300),
				MonitorProgress.cancellation(monitor)).compilation().ir();
		if (ir.agents().isEmpty()) {
			throw new CompileException(source.path() + ": no agent to test in this file");
		}
		return ir;
	}

	/** Makes a file the run wrote visible in the workspace when it lies in it. */
	private static void refresh(Path written) {
		for (IFile file : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(written.toUri())) {
			try {
				file.refreshLocal(IResource.DEPTH_ZERO, null);
			} catch (CoreException e) {
				// the report is on disk; the workspace shows it after its next refresh
			}
		}
	}

	private void failed(String message) {
		run.setEnabled(true);
		figures.setText(message);
	}

	private void show(LabReport result, Path html, Path json) {
		report = result;
		run.setEnabled(true);
		LabReport.Latency latency = result.latency();
		figures.setText(String.format(Locale.ROOT,
				"%s on %s: %d utterances (%d in scope, %d out of scope). In-scope accuracy %s (%d taken for another intent"
						+ " and acted on), out-of-scope recall %s (precision %s), macro F1 %s, threshold %.2f. Latency p50"
						+ " %.1f ms, p99 %.1f ms.%s",
				result.agent(), result.corpus(), result.n(), result.inScope(), result.outOfScope(),
				percent(result.inScopeAccuracy()), result.inScopeWrongActedOn(), percent(result.outOfScopeRecall()),
				percent(result.outOfScopePrecision()), percent(result.macroF1()), result.threshold(),
				latency == null ? 0 : latency.p50(), latency == null ? 0 : latency.p99(),
				result.warnings().isEmpty() ? "" : " " + String.join("; ", result.warnings()))
				+ (result.falseAccepts() == null ? "" : " " + falseAcceptsSentence(result.falseAccepts())));
		heatmap.show(result);
		heatmap.setSize(heatmap.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		heatmapScroller.setMinSize(heatmap.getSize());
		intents.removeAll();
		result.perIntent().stream().sorted(Comparator.comparingDouble(LabReport.Score::f1))
				.forEach(score -> row(intents, score.name(), Integer.toString(score.expected()),
						percent(score.precision()), percent(score.recall()), percent(score.f1())));
		errors.removeAll();
		List<Outcome> wrong = result.errors();
		wrong.stream().limit(ERRORS_SHOWN).forEach(outcome -> row(errors, Integer.toString(outcome.line().line()),
				outcome.line().text(), outcome.expected(), outcome.predicted(),
				String.format(Locale.ROOT, "%.3f", outcome.score()), outcome.verdict().label()
						+ (outcome.rejectedBy() == null ? "" : ": " + outcome.rejectedBy().words()),
				result.nearestUnrelated(outcome).stream().map(UnrelatedNeighbours.Neighbour::described)
						.collect(Collectors.joining(", "))));
		falseAccepts.removeAll();
		falseAccepts.setVisible(result.falseAccepts() != null);
		if (result.falseAccepts() != null) {
			result.falseAccepts().worst().forEach(accept -> row(falseAccepts, accept.text(), accept.label(),
					accept.intent(), String.format(Locale.ROOT, "%.3f", accept.score())));
		}
		falseAccepts.getParent().layout(true);
		reports.setText("Reports: <a href=\"" + html + "\">" + html.getFileName() + "</a>, <a href=\"" + json + "\">"
				+ json.getFileName() + "</a>" + (wrong.size() > ERRORS_SHOWN
						? " (all " + wrong.size() + " errors are in the HTML report)" : ""));
		figures.getParent().layout(true, true);
	}

	/* What the agent did with the unrelated speech, in the words of cabin labtest --background. */
	private static String falseAcceptsSentence(FalseAccepts accepts) {
		return String.format(Locale.ROOT, "False accepts %.1f per 1,000 unrelated requests (%,d of %,d held-back"
				+ " background lines acted on; %s); %,d asked about first.", accepts.perThousand(), accepts.accepted(),
				accepts.lines(),
				accepts.byLocale().entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %.1f",
						entry.getKey(), entry.getValue().perThousand())).collect(Collectors.joining(", ")),
				accepts.asked())
				+ (accepts.byIntent().isEmpty() ? "" : " Taken for " + accepts.takenFor() + ".");
	}

	private static void row(Table table, String... cells) {
		new TableItem(table, SWT.NONE).setText(cells);
	}

	private static String percent(Double value) {
		return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", value * 100);
	}

	/* ---------------------------------------------------------------- for tests */

	public LabReport report() {
		return report;
	}

	public String figures() {
		return figures.getText();
	}

	public Table intents() {
		return intents;
	}

	public Table errors() {
		return errors;
	}

	/** The most confident false accepts on the unrelated speech held back, when it ran. */
	public Table falseAccepts() {
		return falseAccepts;
	}

	/** The count in the heatmap's cell of an expected and a recognized intent. */
	public int heatmapCell(String expected, String recognized) {
		return heatmap.cell(heatmap.labels().indexOf(expected), heatmap.labels().indexOf(recognized));
	}

	/** Where the heatmap draws the cells of a recognized intent's column, in its own coordinates. */
	public Rectangle heatmapColumn(String recognized) {
		return heatmap.column(heatmap.labels().indexOf(recognized));
	}

	/** Where the heatmap writes the label of a recognized intent's column, in its own coordinates. */
	public Rectangle heatmapColumnLabel(String recognized) {
		return heatmap.columnLabel(heatmap.labels().indexOf(recognized));
	}

	/** What the heatmap draws on: what it writes beyond is cut. */
	public Rectangle heatmapArea() {
		return heatmap.getClientArea();
	}
}
