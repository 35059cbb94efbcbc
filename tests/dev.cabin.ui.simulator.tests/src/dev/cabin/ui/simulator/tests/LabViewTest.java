package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.engine.nlu.Language;
import dev.cabin.lab.LabReport;
import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.lab.LabView;
import dev.cabin.ui.views.AgentSource;

/** A corpus run against the comfort agent in the Lab Test view, as an author runs it. */
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
	void aCorpusRunShowsTheFiguresTheConfusionHeatmapAndTheWorstErrorsAndWritesTheReports() throws Exception {
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		LabView lab = (LabView) page.showView(LabView.ID);
		Path corpus = project.getFile("comfort.jsonl").getLocation().toFile().toPath();
		lab.choose(AgentSource.of(page.getActiveEditor()), corpus);

		Job job = lab.run();
		assertNotNull(job, lab.figures());
		Screen.waitFor(() -> lab.report() != null, "the lab test", 180);

		LabReport report = lab.report();
		assertEquals(14, report.n());
		assertTrue(lab.figures().startsWith("CabinComfort on comfort.jsonl: 14 utterances (11 in scope, 3 out of scope)."
				+ " In-scope accuracy "), lab.figures());
		int cells = 0;
		for (String expected : report.confusionLabels()) {
			for (String recognized : report.confusionLabels()) {
				cells += lab.heatmapCell(expected, recognized);
			}
		}
		assertEquals(14, cells, "every utterance is in one cell of the heatmap");
		assertEquals(report.perIntent().size(), lab.intents().getItemCount());
		assertEquals(Math.min(50, report.errors().size()), lab.errors().getItemCount());
		if (!report.errors().isEmpty()) {
			assertEquals(report.errors().get(0).line().text(), lab.errors().getItem(0).getText(1),
					"the most confident error first");
		}
		assertTrue(project.getFile("comfort.jsonl.lab.html").exists(), "the HTML report, in the workspace");
		assertTrue(Files.readString(corpus.resolveSibling("comfort.jsonl.lab.html"), StandardCharsets.UTF_8)
				.contains("CabinComfort"));
		assertTrue(project.getFile("comfort.jsonl.lab.json").exists());
		page.setPartState(page.getReference(lab), IWorkbenchPage.STATE_MAXIMIZED);
		Screen.screenshot("lab-test");
		page.setPartState(page.getReference(lab), IWorkbenchPage.STATE_RESTORED);
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
				project.getFile("mislabelled.jsonl").getLocation().toFile().toPath());

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

	@Test
	void aCorpusThatIsNotJsonIsReportedWithItsLine() throws Exception {
		create("broken.jsonl", "{\"text\": \"open the sunroof\", \"intent\": \"OpenSunroof\"}\nthis is not json\n");
		IWorkbenchPage page = Workbench.page();
		IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		LabView lab = (LabView) page.showView(LabView.ID);
		lab.choose(AgentSource.of(page.getActiveEditor()), project.getFile("broken.jsonl").getLocation().toFile().toPath());

		lab.run();
		Screen.waitFor(() -> lab.figures().contains("broken.jsonl:2"), "the corpus error", 60);
		assertTrue(lab.report() == null);
	}
}
