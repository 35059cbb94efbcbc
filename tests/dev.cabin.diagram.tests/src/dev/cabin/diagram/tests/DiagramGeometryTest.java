package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.tests.AgentSets.AgentSet;

/** The geometry of the SVG, computed from its coordinates as a reviewer's tool would. */
class DiagramGeometryTest {

	private static final double TOLERANCE = 1;

	static List<AgentSet> agentSets() {
		return AgentSets.all();
	}

	@ParameterizedTest
	@MethodSource("agentSets")
	void noTwoNodeBoxesOverlap(AgentSet set) throws Exception {
		SvgDocument svg = SvgDocument.parse(Drawing.svg(AgentSets.load(set)));
		List<SvgDocument.Node> nodes = new ArrayList<>(svg.nodes.values());
		assertTrue(nodes.size() > 3, "the diagram has nodes");
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				SvgDocument.Node a = nodes.get(i);
				SvgDocument.Node b = nodes.get(j);
				if (!encloses(svg, a, b) && !encloses(svg, b, a)) {
					assertFalse(a.box().overlaps(b.box()), a.id() + " " + a.box() + " overlaps " + b.id() + " " + b.box());
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("agentSets")
	void everyBoxLiesInsideItsFlowAndAgent(AgentSet set) throws Exception {
		SvgDocument svg = SvgDocument.parse(Drawing.svg(AgentSets.load(set)));
		for (SvgDocument.Node node : svg.nodes.values()) {
			String parent = node.attribute("data-parent");
			if (parent != null) {
				assertTrue(svg.nodes.get(parent).box().contains(node.box()), node.id() + " lies outside " + parent);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("agentSets")
	void edgesStartAndEndOnTheirNodes(AgentSet set) throws Exception {
		SvgDocument svg = SvgDocument.parse(Drawing.svg(AgentSets.load(set)));
		assertFalse(svg.edges.isEmpty());
		for (SvgDocument.Edge edge : svg.edges.values()) {
			assertTrue(edge.points().size() >= 2, edge.id() + " has a route");
			Point start = edge.points().get(0);
			Point end = edge.points().get(edge.points().size() - 1);
			assertOn(svg, edge, start, edge.from(), edge.attributes().get("data-from-port"), "starts");
			assertOn(svg, edge, end, edge.to(), edge.attributes().get("data-to-port"), "ends");
		}
	}

	private static void assertOn(SvgDocument svg, SvgDocument.Edge edge, Point point, String nodeId, String portId,
			String what) {
		SvgDocument.Node node = svg.nodes.get(nodeId);
		assertNotNull(node, edge.id() + " " + what + " at a node the SVG does not have: " + nodeId);
		Box shape = portId == null ? node.box() : svg.ports.get(portId);
		assertNotNull(shape, edge.id() + " " + what + " at a port the SVG does not have: " + portId);
		double distance = shape.distanceToBorder(point);
		assertTrue(distance <= TOLERANCE, edge.id() + " " + what + " at " + point + ", " + distance + " from the border of "
				+ (portId == null ? nodeId : portId) + " " + shape);
		if (portId != null) {
			assertTrue(node.box().grow(shape.width()).contains(point.x(), point.y()),
					edge.id() + "'s port lies on its node " + nodeId);
		}
	}

	/** Whether the outer node is the inner one's flow or agent (by the nesting the SVG declares). */
	private static boolean encloses(SvgDocument svg, SvgDocument.Node outer, SvgDocument.Node inner) {
		for (String parent = inner.attribute("data-parent"); parent != null; parent = svg.nodes.get(parent)
				.attribute("data-parent")) {
			if (parent.equals(outer.id())) {
				return true;
			}
		}
		return false;
	}
}
