package dev.cabin.diagram.layout;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;

/**
 * A diagram with its geometry: every node and port placed, every edge routed, all in absolute diagram
 * coordinates. What the renderers draw and what the editor hit-tests.
 */
public record LaidOutDiagram(DiagramGraph graph, double width, double height, Map<String, Box> nodeBoxes,
		Map<String, Box> portBoxes, List<RoutedEdge> edges) {

	public LaidOutDiagram {
		nodeBoxes = Collections.unmodifiableMap(nodeBoxes);
		portBoxes = Collections.unmodifiableMap(portBoxes);
		edges = List.copyOf(edges);
	}

	public Box box(String nodeId) {
		return nodeBoxes.get(nodeId);
	}

	/** The innermost node at the point, or {@code null}. */
	public DiagramNode nodeAt(double x, double y) {
		DiagramNode found = null;
		int foundDepth = -1;
		for (DiagramNode node : graph.nodes()) {
			Box box = nodeBoxes.get(node.id());
			if (box != null && box.contains(x, y)) {
				int depth = graph.depth(node.id());
				if (depth > foundDepth) {
					found = node;
					foundDepth = depth;
				}
			}
		}
		return found;
	}
}
