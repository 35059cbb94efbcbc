package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.overlay.SimulationOverlay;
import dev.cabin.diagram.overlay.SimulationOverlay.FiredTrigger;
import dev.cabin.diagram.overlay.SimulationOverlay.VisitedStep;
import dev.cabin.dsl.load.LoadResult;

/** A simulated conversation drawn over the diagram: what fired, which way it went, where it is now. */
class OverlayTest {

	private static final String CLIMATE = "Cockpit.flow.Climate";

	@Test
	void aConfirmedTemperatureChangeHighlightsItsPathAndTheActiveStep() throws Exception {
		SimulationOverlay conversation = new SimulationOverlay(List.of(
				new FiredTrigger("Cockpit", 1, Set.of(Modality.VOICE)),
				step("Climate", "0"), step("Climate", "1"), step("Climate", "1.yes.0"), step("Climate", "1.yes.1"),
				step("Climate", "2")), step("Climate", "2"));

		SvgDocument svg = draw(conversation);

		SvgDocument.Node trigger = svg.nodes.get("Cockpit.trigger.1");
		assertTrue(trigger.classes().contains("fired"), trigger.classes().toString());
		assertEquals("voice", trigger.attribute("data-fired"));
		assertTrue(svg.nodes.get("Cockpit.intent.SetTemperature").classes().contains("recognized"));
		assertEquals("2", svg.nodes.get(CLIMATE + ".step.0").attribute("data-visits"));
		assertEquals("5", svg.nodes.get(CLIMATE + ".step.1.yes.1").attribute("data-visits"));
		assertTrue(svg.nodes.get(CLIMATE + ".step.2").classes().containsAll(Set.of("visited", "active")));
		assertFalse(svg.nodes.get(CLIMATE + ".step.1.no.0").classes().contains("visited"), "the no branch was not taken");
		assertEquals(Set.of(
				"Cockpit.intent.SetTemperature -> Cockpit.trigger.1",
				"Cockpit.trigger.1 -> " + CLIMATE,
				CLIMATE + " -> " + CLIMATE + ".step.0",
				CLIMATE + ".step.0 -> " + CLIMATE + ".step.1",
				CLIMATE + ".step.1 -> " + CLIMATE + ".step.1.yes.0 (yes)",
				CLIMATE + ".step.1.yes.0 -> " + CLIMATE + ".step.1.yes.1",
				CLIMATE + ".step.1.yes.1 -> " + CLIMATE + ".step.2"), taken(svg));
		assertEquals(1, svg.nodes.values().stream().filter(node -> node.classes().contains("active")).count());
	}

	@Test
	void aFusedGazeAndVoiceTriggerIsMarkedWithBothModalitiesAndItsCall() throws Exception {
		SvgDocument svg = draw(new SimulationOverlay(List.of(
				new FiredTrigger("Cockpit", 0, Set.of(Modality.GAZE, Modality.VOICE))), null));

		SvgDocument.Node trigger = svg.nodes.get("Cockpit.trigger.0");
		assertEquals("voice gaze", trigger.attribute("data-fired"));
		assertEquals("gaze voice", trigger.attribute("data-modalities"));
		assertTrue(svg.nodes.get("Cockpit.intent.OpenThat").classes().contains("recognized"));
		assertEquals(Set.of("Cockpit.intent.OpenThat -> Cockpit.trigger.0",
				"Cockpit.trigger.0 -> Cockpit.trigger.0.call"), taken(svg));
	}

	@Test
	void aSubFlowIsEnteredAndTheCallerGoesOnWhereItLeftOff() throws Exception {
		String fatigue = "Cockpit.flow.FatigueBreak";
		SvgDocument svg = draw(new SimulationOverlay(List.of(
				new FiredTrigger("Cockpit", 2, Set.of(Modality.POSTURE)),
				step("FatigueBreak", "0"), step("FatigueBreak", "0.case0.0"), step("FatigueBreak", "0.case0.1"),
				step("FindRest", "0"), step("FindRest", "1"), step("FatigueBreak", "1")), null));

		assertEquals(Set.of(
				"Cockpit.trigger.2 -> " + fatigue,
				fatigue + " -> " + fatigue + ".step.0",
				fatigue + ".step.0 -> " + fatigue + ".step.0.case0.0 (driver is Drowsy)",
				fatigue + ".step.0.case0.0 -> " + fatigue + ".step.0.case0.1",
				fatigue + ".step.0.case0.1 -> Cockpit.flow.FindRest (run)",
				"Cockpit.flow.FindRest -> Cockpit.flow.FindRest.step.0",
				"Cockpit.flow.FindRest.step.0 -> Cockpit.flow.FindRest.step.1",
				fatigue + ".step.0.case0.1 -> " + fatigue + ".step.1"), taken(svg));
		assertFalse(svg.nodes.values().stream().anyMatch(node -> node.classes().contains("active")));
	}

	@Test
	void stepsTheDiagramDoesNotShowAreReportedNotDrawn() throws Exception {
		LoadResult loaded = AgentSets.load(AgentSets.testAgents());
		DiagramGraph graph = Drawing.graph(loaded, new DiagramOptions(null, "Climate", Set.of()));
		Highlight highlight = Highlight.resolve(graph, new SimulationOverlay(List.of(step("Greeting", "0"),
				step("Climate", "0"), step("Climate", "7")), null));

		assertEquals(List.of("step 0 of flow Greeting of Cockpit", "step 7 of flow Climate of Cockpit"),
				highlight.unmatched());
		assertEquals(Set.of(CLIMATE + ".step.0"), highlight.visits().keySet());
	}

	@Test
	void aStepInACollapsedFlowHighlightsTheFlow() throws Exception {
		LoadResult loaded = AgentSets.load(AgentSets.testAgents());
		DiagramGraph graph = Drawing.graph(loaded, new DiagramOptions(null, null, Set.of(CLIMATE)));
		Highlight highlight = Highlight.resolve(graph, new SimulationOverlay(List.of(step("Climate", "0")),
				step("Climate", "0")));

		assertEquals(Set.of(CLIMATE), highlight.visits().keySet());
		assertEquals(CLIMATE, highlight.active());
	}

	private static VisitedStep step(String flow, String path) {
		return new VisitedStep("Cockpit", flow, path);
	}

	private static SvgDocument draw(SimulationOverlay overlay) throws Exception {
		LoadResult loaded = AgentSets.load(AgentSets.testAgents());
		DiagramGraph graph = Drawing.graph(loaded, DiagramOptions.ALL);
		return SvgDocument.parse(Drawing.svg(loaded, DiagramOptions.ALL, Highlight.resolve(graph, overlay)));
	}

	/** The taken edges as "from -> to (label)". */
	private static Set<String> taken(SvgDocument svg) {
		return svg.edges.values().stream().filter(edge -> edge.classes().contains("taken"))
				.map(edge -> edge.from() + " -> " + edge.to() + (edge.label() == null || edge.label().equals("handoff")
						? "" : " (" + edge.label() + ")"))
				.collect(Collectors.toSet());
	}
}
