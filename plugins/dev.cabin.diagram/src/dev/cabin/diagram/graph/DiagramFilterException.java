package dev.cabin.diagram.graph;

/**
 * There is nothing to draw: the files have no agent, or the options name an agent or a flow that the files do
 * not have (the message says what they have).
 */
public class DiagramFilterException extends Exception {

	private static final long serialVersionUID = 1L;

	public DiagramFilterException(String message) {
		super(message);
	}
}
