package dev.cabin.diagram.graph;

/**
 * A connection between two nodes, optionally through ports of them.
 *
 * @param sourcePort the port of the source node it leaves from, or {@code null}
 * @param targetPort the port of the target node it enters, or {@code null}
 * @param label the text drawn on the edge (an outcome or a condition), or {@code null}
 */
public record DiagramEdge(String id, EdgeKind kind, String source, String sourcePort, String target,
		String targetPort, String label) {
}
