package dev.cabin.web.glsp;

import org.eclipse.glsp.server.actions.ActionDispatcher;
import org.eclipse.glsp.server.actions.MessageAction;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.types.Severity;

import com.google.inject.Inject;

import dev.cabin.diagram.edit.EditException;
import dev.cabin.diagram.edit.EditPlan;
import dev.cabin.diagram.edit.SourceEdits;
import dev.cabin.dsl.load.LoadResult;

/**
 * Turns a graphical edit into text edits of the session's document with {@link SourceEdits}, the same edits
 * Studio's diagram makes, and sends them to the browser's editor, which applies them (the text stays the one
 * source of truth; the diagram follows when the editor sends its new text). An edit that cannot be made is
 * answered with a message that says why; the document is left as it was.
 */
final class DocumentEditor {

	/** One graphical edit, planned on the document's model. */
	@FunctionalInterface
	interface Edit {
		EditPlan plan(SourceEdits edits) throws EditException;
	}

	@Inject
	private GModelState state;
	@Inject
	private DiagramSources sources;
	@Inject
	private ActionDispatcher dispatcher;

	/** Whether the edit was planned and sent (else the author was told why not, or there is no document). */
	boolean apply(Edit edit) {
		CabinDocument document = CabinDocument.of(state).orElse(null);
		if (document == null || document.problem != null) {
			return false;
		}
		LoadResult loaded = sources.compiler().load(document.file, document.text);
		if (loaded.files().isEmpty()) {
			refuse(document.path + " cannot be read as a Cabin document");
			return false;
		}
		try {
			dispatcher.dispatch(new ApplyTextEditsAction(document.path, edit.plan(new SourceEdits(loaded.files().get(0)))));
			return true;
		} catch (EditException e) {
			refuse(e.getMessage());
			return false;
		}
	}

	void refuse(String reason) {
		dispatcher.dispatch(new MessageAction(Severity.WARNING, "Not changed: " + reason + "."));
	}
}
