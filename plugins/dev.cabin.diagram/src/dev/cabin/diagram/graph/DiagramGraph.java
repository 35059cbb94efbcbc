package dev.cabin.diagram.graph;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diagram of some agents before layout: nodes (parents listed before their children, in source order),
 * ports and edges. Built by {@link CabinDiagramBuilder}.
 */
public final class DiagramGraph {

	private final Map<String, DiagramNode> nodes = new LinkedHashMap<>();
	private final Map<String, DiagramPort> ports = new LinkedHashMap<>();
	private final Map<String, DiagramEdge> edges = new LinkedHashMap<>();
	private final Set<String> parents = new HashSet<>();

	DiagramGraph(List<DiagramNode> nodes, List<DiagramPort> ports, List<DiagramEdge> edges) {
		nodes.forEach(node -> {
			this.nodes.put(node.id(), node);
			if (node.parentId() != null) {
				parents.add(node.parentId());
			}
		});
		ports.forEach(port -> this.ports.put(port.id(), port));
		edges.forEach(edge -> this.edges.put(edge.id(), edge));
	}

	public List<DiagramNode> nodes() {
		return List.copyOf(nodes.values());
	}

	public List<DiagramPort> ports() {
		return List.copyOf(ports.values());
	}

	public List<DiagramEdge> edges() {
		return List.copyOf(edges.values());
	}

	/** The node with this id, or {@code null}. */
	public DiagramNode node(String id) {
		return nodes.get(id);
	}

	/** Whether some node lies inside this one. */
	public boolean hasChildren(String id) {
		return parents.contains(id);
	}

	/** How deep a node is nested: 0 at the top. */
	public int depth(String id) {
		int depth = 0;
		for (DiagramNode node = nodes.get(id); node != null && node.parentId() != null; node = nodes
				.get(node.parentId())) {
			depth++;
		}
		return depth;
	}
}
