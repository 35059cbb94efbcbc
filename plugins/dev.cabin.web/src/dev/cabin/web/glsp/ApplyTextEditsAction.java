package dev.cabin.web.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.Action;

import dev.cabin.diagram.edit.EditPlan;
import dev.cabin.diagram.edit.TextEdit;

/**
 * To the browser: a graphical edit as text edits of the document, which the editor applies as one undoable
 * change; then it selects what the author will want to type over. Offsets are UTF-16 positions in the text the
 * server last received, as the editor counts them.
 */
public final class ApplyTextEditsAction extends Action {

	public static final String KIND = "cabinApplyTextEdits";

	private final String path;
	private final String description;
	private final List<TextEdit> edits;
	private final int selectionOffset;
	private final int selectionLength;

	ApplyTextEditsAction(String path, EditPlan plan) {
		super(KIND);
		this.path = path;
		this.description = plan.description();
		this.edits = plan.edits();
		this.selectionOffset = plan.selectionOffset();
		this.selectionLength = plan.selectionLength();
	}

	public String getPath() {
		return path;
	}

	public String getDescription() {
		return description;
	}

	public List<TextEdit> getEdits() {
		return edits;
	}

	public int getSelectionOffset() {
		return selectionOffset;
	}

	public int getSelectionLength() {
		return selectionLength;
	}
}
