package dev.cabin.ui.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.diagram.graph.Modality;
import dev.cabin.testing.Screen;
import dev.cabin.ui.diagram.DiagramView;
import dev.cabin.ui.simulator.SimulatorView;

/** A conversation in the Simulator view, as an author has it: typing, a slider, a look at the cabin map. */
class SimulatorViewTest {

	private IProject project;
	private ITextEditor editor;
	private SimulatorView simulator;
	private DiagramView diagram;

	@BeforeEach
	void openTheComfortAgentWithItsDiagramAndTheSimulator() throws Exception {
		project = Workbench.exampleProject("comfort", "examples/cabin-comfort");
		IWorkbenchPage page = Workbench.page();
		editor = (ITextEditor) IDE.openEditor(page, project.getFile("cabin-comfort.cabin"));
		diagram = (DiagramView) page.showView(DiagramView.ID);
		simulator = (SimulatorView) page.showView(SimulatorView.ID);
		Workbench.waitUntilLoaded(simulator, "CabinComfort");
	}

	@AfterEach
	void closeEverything() throws Exception {
		Workbench.closeAndDelete(project);
	}

	@AfterAll
	static void theWorkbenchLoggedNoError() throws Exception {
		Workbench.assertNoErrorInTheLog();
	}

	@Test
	void aConversationWithTheSpeedSliderAGazeAndSpeechIsTranscribedTracedAndDrawnOnTheDiagram() throws Exception {
		Scale speed = (Scale) simulator.signalControl("Vehicle.Speed");
		assertNotNull(speed, "the speed is a slider");
		assertNotNull(simulator.signalControl("Vehicle.Driver.FatigueLevel"), "a signal the agent reads is offered");
		speed.setSelection(60);
		speed.notifyListeners(SWT.Selection, new Event());
		Workbench.waitForTurns(simulator, 1);

		Point sunroof = simulator.cabinMap().centerOf("Cabin.Sunroof");
		Event click = new Event();
		click.x = sunroof.x;
		click.y = sunroof.y;
		click.button = 1;
		simulator.cabinMap().notifyListeners(SWT.MouseDown, click);
		assertEquals("Cabin.Sunroof", simulator.cabinMap().looked());
		Workbench.waitForTurns(simulator, 2);

		Workbench.say(simulator, "open that");
		Workbench.waitForTurns(simulator, 3);

		String transcript = simulator.transcript().getText();
		System.out.println("SimulatorViewTest: " + transcript.lines().findFirst().orElseThrow());
		assertTrue(transcript.contains("[signal Vehicle.Speed = 60]"), transcript);
		assertTrue(transcript.contains("[gaze Cabin.Sunroof for 1000 ms]"), transcript);
		assertTrue(transcript.contains("you: open that\nCabinComfort: Open the sunroof while we drive?"), transcript);
		TreeItem turn = simulator.traceTree().getItem(2);
		assertEquals("Turn 3", turn.getText(0));
		TreeItem intent = Workbench.child(turn, "Intent");
		assertTrue(intent.getText(1).startsWith("OpenThat ("), intent.getText(1));
		TreeItem best = Workbench.child(intent, "Candidates").getItem(0);
		assertEquals("OpenThat", best.getText(0), "the candidates with their scores, best first");
		assertTrue(best.getText(1).matches("[01]\\.\\d{3}"), best.getText(1));
		assertTrue(Workbench.texts(Workbench.child(turn, "Transitions")).stream()
				.anyMatch(text -> text.startsWith("fused ")), "the gaze and the voice were fused");
		assertTrue(Workbench.texts(Workbench.child(turn, "Time per stage (µs)")).stream()
				.anyMatch(text -> text.startsWith("nlu")));

		// the diagram is drawn in a job of its own, which may finish after the turns
		Screen.waitFor(() -> diagram.highlight().fired().containsKey("CabinComfort.trigger.4"),
				"the fused trigger highlighted on the diagram");
		assertEquals(Set.of(Modality.GAZE, Modality.VOICE), diagram.highlight().fired().get("CabinComfort.trigger.4"));
		assertTrue(diagram.highlight().visited("CabinComfort.flow.OpenRoof.step.0.otherwise.0"));
		assertEquals("CabinComfort.flow.OpenRoof.step.0.otherwise.0", diagram.highlight().active(),
				"the confirmation waits for its answer");

		Workbench.say(simulator, "yes");
		Workbench.waitForTurns(simulator, 4);
		assertTrue(simulator.transcript().getText().contains("sunroof.open {}: done"), simulator.transcript().getText());
		IWorkbenchPage page = Workbench.page();
		page.setPartState(page.getReference(simulator), IWorkbenchPage.STATE_MAXIMIZED);
		simulator.traceTree().getItem(3).setExpanded(false);
		Workbench.expandAll(turn);
		simulator.traceTree().setTopItem(turn);
		Path screenshot = Screen.screenshot("simulator");
		page.setPartState(page.getReference(simulator), IWorkbenchPage.STATE_RESTORED);
		assertTrue(screenshot.toFile().length() > 0);
	}

	@Test
	void theConversationSavedAsATestPassesWhenItIsReplayed() throws Exception {
		Workbench.say(simulator, "turn on the seat heating");
		Workbench.waitForTurns(simulator, 1);
		Workbench.say(simulator, "the front passenger");
		Workbench.waitForTurns(simulator, 2);

		simulator.saveAsTest("passenger seat from the simulator");

		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String text = document.get();
		String test = text.substring(text.indexOf("\ttest \"passenger seat from the simulator\" {"));
		String given = test.lines().skip(1).findFirst().orElseThrow();
		assertTrue(given.startsWith("\t\tgiven ") && given.contains("Vehicle.Speed = 0")
				&& given.contains("Vehicle.Driver.FatigueLevel = 0"), "the starting values of the signals it reads: " + given);
		assertTrue(test.contains("""
				\t\tuser "turn on the seat heating"
				\t\texpect intent WarmSeat
				\t\texpect flow SeatHeating
				\t\texpect reply contains "Which seat"""), test);
		assertTrue(test.contains("\t\tuser \"the front passenger\"\n\t\texpect intent WarmSeat\n\t\texpect call seat.heat\n"),
				test);
		assertTrue(editor.isDirty(), "the test is in the editor, to be saved by the author");

		simulator.replay();
		Screen.waitFor(() -> simulator.status().getText().startsWith("Tests: "), "the replayed tests", 120);
		String transcript = simulator.transcript().getText();
		assertTrue(transcript.contains("PASS passenger seat from the simulator"), transcript);
		assertTrue(transcript.contains("PASS acts on under 1% of unrelated requests"),
				"the agent's false accepts measured on the held-back background, as cabin test does: " + transcript);
		assertFalse(transcript.contains("FAIL "), transcript);
	}

	@Test
	void anAgentWithAnErrorIsNotSimulatedAndTheViewSaysWhereTheErrorIs() throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int flow = document.get().indexOf("flow Temperature {");
		document.replace(flow, "flow".length(), "flw");

		simulator.load(project.getFile("cabin-comfort.cabin"), document.get());

		int line = document.getLineOfOffset(flow) + 1;
		Screen.waitFor(() -> simulator.status().getText().startsWith("Cannot simulate: "), "the compile job", 60);
		assertTrue(simulator.status().getText().contains("cabin-comfort.cabin:" + line + ":"),
				simulator.status().getText());
		assertFalse(simulator.utterance().isEnabled(), "nothing to talk to until the error is fixed");
	}

	@Test
	void loadingTheUnchangedAgentAgainTakesItFromTheCacheWithoutCompilingIt() throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());

		simulator.load(project.getFile("cabin-comfort.cabin"), document.get());
		Workbench.waitUntilLoaded(simulator, "CabinComfort");

		String transcript = simulator.transcript().getText();
		System.out.println("SimulatorViewTest, loaded again: " + transcript.lines().findFirst().orElseThrow());
		assertTrue(transcript.startsWith("Talking to CabinComfort from /comfort/cabin-comfort.cabin ("), transcript);
		assertTrue(transcript.lines().findFirst().orElseThrow().contains("; from the cache, unchanged since compiled in "),
				transcript);
	}
}
