package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cabin.diagram.graph.DiagramFilterException;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.NodeKind;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;

/** Showing one agent, one flow, or flows collapsed. */
class DiagramOptionsTest {

	private final LoadResult agents = AgentSets.load(AgentSets.testAgents());

	@Test
	void oneAgentShowsOnlyItsBoxesAndTheAgentsItHandsOffToAsStubs() throws Exception {
		DiagramGraph graph = Drawing.graph(agents, new DiagramOptions("Valet", null, Set.of()));

		assertTrue(graph.nodes().stream().allMatch(node -> node.id().startsWith("Valet") || node.id().startsWith("external.")));
		DiagramNode cockpit = graph.node("external.Cockpit");
		assertEquals(NodeKind.EXTERNAL_AGENT, cockpit.kind());
		assertTrue(graph.edges().stream().anyMatch(
				edge -> edge.source().equals("Valet.flow.Comfort.step.0") && edge.target().equals("external.Cockpit")));
	}

	@Test
	void oneFlowShowsItsTriggersAndTheFlowsItRunsCollapsed() throws Exception {
		DiagramGraph graph = Drawing.graph(agents, new DiagramOptions(null, "Guide", Set.of()));

		List<String> flows = graph.nodes().stream().filter(node -> node.kind() == NodeKind.FLOW).map(DiagramNode::id).toList();
		assertEquals(List.of("Valet.flow.Guide", "Valet.flow.Steps"), flows);
		assertTrue(graph.node("Valet.flow.Steps").collapsed());
		assertNull(graph.node("Valet.flow.Steps.step.0"), "a collapsed flow hides its steps");
		assertFalse(graph.nodes().stream().anyMatch(node -> node.kind() == NodeKind.TRIGGER), "no trigger starts Guide");

		DiagramGraph parking = Drawing.graph(agents, new DiagramOptions(null, "Parking", Set.of()));
		assertEquals(List.of("Valet.intent.Park", "Valet.trigger.0"), parking.nodes().stream()
				.filter(node -> node.kind() == NodeKind.INTENT || node.kind() == NodeKind.TRIGGER).map(DiagramNode::id).toList());
	}

	@Test
	void aCollapsedFlowKeepsTheEdgesOfItsSteps() throws Exception {
		DiagramGraph graph = Drawing.graph(agents, new DiagramOptions(null, null, Set.of("Valet.flow.Guide")));

		assertTrue(graph.node("Valet.flow.Guide").collapsed());
		assertEquals(List.of("2 steps"), graph.node("Valet.flow.Guide").details());
		assertTrue(graph.edges().stream().anyMatch(
				edge -> edge.source().equals("Valet.flow.Guide") && edge.target().equals("Valet.flow.Steps")));
	}

	@Test
	void unknownNamesAreRefusedWithTheNamesThereAre() {
		DiagramFilterException agent = assertThrows(DiagramFilterException.class,
				() -> Drawing.graph(agents, new DiagramOptions("Butler", null, Set.of())));
		assertEquals("no agent named Butler; the agents are Cockpit, TravelDesk, Valet", agent.getMessage());
		DiagramFilterException flow = assertThrows(DiagramFilterException.class,
				() -> Drawing.graph(agents, new DiagramOptions("TravelDesk", "Climate", Set.of())));
		assertEquals("no flow named Climate; the flows are Planning", flow.getMessage());
		LoadResult toolsOnly = CabinSources.standalone().load(Path.of("tools.cabin"), "tool radio.mute()\n");
		assertEquals("there is no agent to draw", assertThrows(DiagramFilterException.class,
				() -> Drawing.graph(toolsOnly, DiagramOptions.ALL)).getMessage());
	}
}
