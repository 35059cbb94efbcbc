package dev.cabin.diagram.graph;

import java.util.Locale;

/** What a diagram node stands for; renderers colour nodes by kind and tests find them by it. */
public enum NodeKind {
	AGENT, INTENT, TRIGGER, FLOW,
	SAY, ASK, CONFIRM, BRANCH, CALL, GENERATE, HANDOFF, RUN, END,
	/** Where a flow ends without an {@code end} step: its last steps lead here. */
	FLOW_EXIT,
	/** An agent that a handoff leads to but that the diagram does not show (filtered out or in another file). */
	EXTERNAL_AGENT;

	/** The lower-case name used in SVG classes and attributes, e.g. {@code flow_exit}. */
	public String cssName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
