package dev.cabin.diagram.edit;

import java.util.Comparator;
import java.util.List;

/**
 * The text edits of one diagram action, to be applied together (one undo step), and what to select
 * afterwards so that the author can type over a placeholder.
 *
 * @param edits edits that do not overlap, with offsets into the document before the change
 * @param selectionOffset where the selection starts in the document after the change
 */
public record EditPlan(String description, List<TextEdit> edits, int selectionOffset, int selectionLength) {

	public EditPlan {
		edits = List.copyOf(edits);
	}

	/** The edits from the end of the document to its start, so that each offset is still valid when applied. */
	public List<TextEdit> lastFirst() {
		return edits.stream().sorted(Comparator.comparingInt(TextEdit::offset).reversed()).toList();
	}

	/** The document after the change. */
	public String applyTo(String document) {
		StringBuilder text = new StringBuilder(document);
		for (TextEdit edit : lastFirst()) {
			text.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
		}
		return text.toString();
	}
}
