package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.engine.nlu.Language;
import dev.cabin.lab.FalseAccepts;
import dev.cabin.lab.LabReport;
import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.compile.MeasurementRule;
import dev.cabin.ui.lab.LabView;
import dev.cabin.ui.simulator.SimulatorView;
import dev.cabin.ui.views.AgentSource;

/** Corpora and the unrelated speech held back run against agents in the Lab Test view, as an author runs them. */
class LabViewTest {

	private IProject project;

	@BeforeEach
	void openTheComfortAgent() throws Exception {
		project = Workbench.exampleProject("lab", "examples/cabin-comfort");
		project.getFile("comfort.jsonl").create(
				Files.newInputStream(Repository.file("tests/dev.cabin.ui.simulator.tests/corpora/comfort.jsonl")), true,
				null);
	}

	@AfterEach
	void closeEverything() throws Exception {
		IWorkbenchPage page = Workbench.page();
		if (page.findView(LabView.ID) != null) {
			page.hideView(page.findView(LabView.ID));
		}
		Workbench.closeAndDelete(project);
	}

	@AfterAll
	static void theWorkbenchLoggedNoError() throws Exception {
		Workbench.assertNoErrorInTheLog();
	}

	@Test
	void aCorpusRunWithUnrelatedSpeechShowsTheFiguresTheHeatmapTheWorstErrorsAndFalseAcceptsAndWritesTheReports()
			throws Exception {
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		LabView lab = (LabView) page.showView(LabView.ID);
		Path corpus = project.getFile("comfort.jsonl").getLocation().toFile().toPath();
		lab.choose(AgentSource.of(page.getActiveEditor()), corpus, true);

		Job job = lab.run();
		assertNotNull(job, lab.figures());
		Screen.waitFor(() -> lab.report() != null, "the lab test", 180);

		LabReport report = lab.report();
		assertEquals(14, report.n());
		assertTrue(lab.figures().startsWith("CabinComfort on comfort.jsonl: 14 utterances (11 in scope, 3 out of scope)."
				+ " In-scope accuracy "), lab.figures());
		assertTrue(lab.figures().contains(" (" + report.inScopeWrongActedOn() + " taken for another intent and acted on), "),
				lab.figures());
		int cells = 0;
		for (String expected : report.confusionLabels()) {
			for (String recognized : report.confusionLabels()) {
				cells += lab.heatmapCell(expected, recognized);
			}
		}
		assertEquals(14, cells, "every utterance is in one cell of the heatmap");
		for (String recognized : report.confusionLabels()) {
			// the labels were written a column to the right of theirs, the last one (oos) past the heatmap's edge, cut
			Rectangle label = lab.heatmapColumnLabel(recognized);
			assertEquals(label, lab.heatmapArea().intersection(label), recognized + "'s label, whole in the heatmap");
			Rectangle column = lab.heatmapColumn(recognized);
			assertTrue(column.contains(label.x + label.width / 2, column.y), recognized + "'s label " + label
					+ " over its column " + column);
		}
		assertEquals(report.perIntent().size(), lab.intents().getItemCount());
		assertEquals(Math.min(50, report.errors().size()), lab.errors().getItemCount());
		if (!report.errors().isEmpty()) {
			assertEquals(report.errors().get(0).line().text(), lab.errors().getItem(0).getText(1),
					"the most confident error first");
		}
		assertShowsTheFalseAccepts(lab, Set.of("en-US", "zh-CN"));
		assertTrue(project.getFile("comfort.jsonl.lab.html").exists(), "the HTML report, in the workspace");
		assertTrue(Files.readString(corpus.resolveSibling("comfort.jsonl.lab.html"), StandardCharsets.UTF_8)
				.contains("CabinComfort"));
		assertTrue(project.getFile("comfort.jsonl.lab.json").exists());
		page.setPartState(page.getReference(lab), IWorkbenchPage.STATE_MAXIMIZED);
		Screen.screenshot("lab-test");
		page.setPartState(page.getReference(lab), IWorkbenchPage.STATE_RESTORED);
	}

	/* The false accepts the lab measured, as the view says them, with the most confident in the table. */
	private static void assertShowsTheFalseAccepts(LabView lab, Set<String> locales) {
		FalseAccepts accepts = lab.report().falseAccepts();
		assertNotNull(accepts, "the held-back background ran");
		assertEquals(locales, accepts.byLocale().keySet());
		assertTrue(accepts.lines() > 800 * locales.size(), "the held-back lines of each language: " + accepts.lines());
		assertTrue(lab.figures().contains(String.format(Locale.ROOT,
				"False accepts %.1f per 1,000 unrelated requests (%,d of %,d held-back background lines acted on; ",
				accepts.perThousand(), accepts.accepted(), accepts.lines())), lab.figures());
		assertTrue(lab.falseAccepts().isVisible());
		assertEquals(Math.min(FalseAccepts.WORST, accepts.accepted()), lab.falseAccepts().getItemCount());
		if (accepts.accepted() > 0) {
			FalseAccepts.Accept worst = accepts.worst().get(0);
			assertEquals(worst.text(), lab.falseAccepts().getItem(0).getText(0), "the most confident first");
			assertEquals(worst.intent(), lab.falseAccepts().getItem(0).getText(2));
			String takenFor = lab.figures().substring(lab.figures().indexOf(" Taken for "));
			assertTrue(takenFor.contains(worst.intent() + " " + accepts.byIntent().get(worst.intent())), takenFor);
		}
	}

	@Test
	void aLabTestWaitsForTheReplayThatMeasuresFalseAcceptsAndThenMeasuresTheBackgroundAlone() throws Exception {
		IWorkbenchPage page = Workbench.page();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		// sources no replay of this process has measured yet, so that this one runs the background
		document.replace(document.getLength(), 0, "\n// measured in turn\n");
		SimulatorView simulator = (SimulatorView) page.showView(SimulatorView.ID);
		Workbench.waitUntilLoaded(simulator, "CabinComfort");
		LabView lab = (LabView) page.showView(LabView.ID);
		lab.choose(AgentSource.of(editor), null, true);

		simulator.replay();
		Screen.waitFor(() -> MeasurementRule.measuring() != null, "the replay's measurement", 120);
		lab.run();
		Screen.waitFor(() -> lab.figures().startsWith(
				"Waiting for \"Replaying the conversation tests of CabinComfort\" to finish measuring"),
				"the lab test waiting for the replay", 60);
		// a lab test that did not wait would say "Running ..." within milliseconds; the replay measures for seconds
		long aSecondLater = System.nanoTime() + 1_000_000_000L;
		Screen.waitFor(() -> System.nanoTime() > aSecondLater || !lab.figures().startsWith("Waiting for "),
				"a second to pass");
		assertTrue(lab.figures().startsWith("Waiting for ") && String.valueOf(MeasurementRule.measuring()).startsWith("Replaying "),
				"the lab test still waits while the replay measures: " + lab.figures());
		Screen.waitFor(() -> lab.report() != null, "the lab test", 180);

		assertTrue(simulator.status().getText().startsWith("Tests: "), "the replay finished before the lab test measured");
		String transcript = simulator.transcript().getText();
		assertTrue(transcript.contains("PASS acts on under 1% of unrelated requests"), transcript);
		assertTrue(lab.figures().startsWith("CabinComfort on the built-in background (held back): "), lab.figures());
		assertEquals(0, lab.report().inScope());
		assertShowsTheFalseAccepts(lab, Set.of("en-US", "zh-CN"));
		assertTrue(project.getFile("cabin-comfort-background.lab.html").exists(), "the reports beside the agent");
		assertTrue(project.getFile("cabin-comfort-background.lab.json").exists());
	}

	@Test
	void aRequestTurnedDownForUnrelatedSpeechShowsTheBackgroundLinesNearIt() throws Exception {
		BackgroundCorpus.Line weather = BackgroundCorpus.builtIn().lines(Language.ZH).stream()
				.filter(line -> line.part() == BackgroundCorpus.Part.TRAINING && line.label().equals("written:weather"))
				.findFirst().orElseThrow();
		create("charger.cabin", Files.readString(Repository.file("tests/dev.cabin.testing/agents/charger-zh.cabin")));
		// a weather question the author labelled as theirs: the agent was compiled against this very line
		create("mislabelled.jsonl",
				"{\"text\": \"" + weather.text() + "\", \"intent\": \"FindCharger\", \"locale\": \"zh-CN\"}\n");
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("charger.cabin"));
		LabView lab = (LabView) page.showView(LabView.ID);
		lab.choose(AgentSource.of(page.getActiveEditor()),
				project.getFile("mislabelled.jsonl").getLocation().toFile().toPath(), false);

		lab.run();
		Screen.waitFor(() -> lab.report() != null, "the lab test", 180);

		assertEquals(1, lab.errors().getItemCount());
		assertEquals("wrongly out of scope: nearer to unrelated speech than to its intent's examples",
				lab.errors().getItem(0).getText(5));
		String near = lab.errors().getItem(0).getText(6);
		assertTrue(near.startsWith("\"" + weather.text() + "\" (written:weather, "), near);
	}

	private void create(String name, String text) throws Exception {
		project.getFile(name).create(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true,
				null);
	}

	/* The Lab Test view with the comfort agent and a corpus of the given text chosen. */
	private LabView comfortLabOn(String corpusName, String corpusText) throws Exception {
		create(corpusName, corpusText);
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		LabView lab = (LabView) page.showView(LabView.ID);
		lab.choose(AgentSource.of(page.getActiveEditor()), project.getFile(corpusName).getLocation().toFile().toPath(),
				false);
		return lab;
	}

	@Test
	void aCorpusThatIsNotJsonIsReportedWithItsLine() throws Exception {
		LabView lab = comfortLabOn("broken.jsonl",
				"{\"text\": \"open the sunroof\", \"intent\": \"OpenSunroof\"}\nthis is not json\n");

		lab.run();
		Screen.waitFor(() -> lab.figures().contains("broken.jsonl:2"), "the corpus error", 60);
		assertTrue(lab.report() == null);
	}

	@Test
	void aCorpusWithNothingForTheAgentSaysSoInsteadOfEmptyFigures() throws Exception {
		LabView lab = comfortLabOn("elsewhere.jsonl", "{\"text\": \"order a pizza\", \"intent\": \"FoodDelivery\"}\n");

		lab.run();
		Screen.waitFor(() -> lab.figures().startsWith("No utterance of "), "the lab test", 120);
		assertEquals("No utterance of elsewhere.jsonl is for CabinComfort.", lab.figures());
		assertTrue(lab.report() == null);
		assertTrue(!project.getFile("elsewhere.jsonl.lab.html").exists(), "no report of nothing");
	}
}
