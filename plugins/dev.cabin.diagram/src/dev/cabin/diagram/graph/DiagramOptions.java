package dev.cabin.diagram.graph;

import java.util.Set;

/**
 * What a diagram shows.
 *
 * @param agent only this agent (by name), or {@code null} for all
 * @param flow only this flow (by name), with the triggers that start it and, collapsed, the flows it runs;
 *            or {@code null} for all flows
 * @param collapsedFlows ids of flows drawn as one box without their steps
 */
public record DiagramOptions(String agent, String flow, Set<String> collapsedFlows) {

	/** Every agent and flow, nothing collapsed. */
	public static final DiagramOptions ALL = new DiagramOptions(null, null, Set.of());

	public DiagramOptions {
		collapsedFlows = Set.copyOf(collapsedFlows);
	}
}
