package dev.cabin.web.glsp;

import org.eclipse.glsp.server.actions.Action;

/**
 * From the browser: the editor's text of the document the diagram shows, sent after it changed (typing, undo,
 * a diagram edit applied). The diagram is rebuilt from it.
 */
public final class UpdateDocumentAction extends Action {

	public static final String KIND = "cabinUpdateDocument";

	private String text;

	public UpdateDocumentAction() {
		super(KIND);
	}

	public UpdateDocumentAction(String text) {
		this();
		this.text = text;
	}

	public String getText() {
		return text;
	}
}
