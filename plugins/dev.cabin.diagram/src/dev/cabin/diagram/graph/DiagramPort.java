package dev.cabin.diagram.graph;

/**
 * A connection point on a node's side: the entry of a flow (west), the outcomes of a confirmation or a
 * branch (east, in source order).
 */
public record DiagramPort(String id, String nodeId, Side side, int index) {

	public enum Side {
		WEST, EAST
	}
}
