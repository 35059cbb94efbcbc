package dev.cabin.diagram.graph;

import java.util.Locale;

/** Why two nodes are connected. */
public enum EdgeKind {
	/** An intent is what a voice trigger listens for. */
	HEARD,
	/** A trigger starts a flow, stands for an intent, or calls a tool. */
	TRIGGERS,
	/** A flow starts at its first step. */
	ENTRY,
	/** The next step of a flow. */
	NEXT,
	/** An outcome of a confirmation or a branch (the edge is labelled yes, no, or with the condition). */
	OUTCOME,
	/** A step runs another flow and continues when it ends. */
	RUNS,
	/** A step hands the conversation over to another agent. */
	HANDOFF;

	public String cssName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Edges that leave the flow they start in are drawn dashed. */
	public boolean dashed() {
		return this == RUNS || this == HANDOFF || this == HEARD;
	}
}
