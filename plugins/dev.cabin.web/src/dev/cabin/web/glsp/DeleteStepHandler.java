package dev.cabin.web.glsp;

import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.DeleteOperation;

import com.google.inject.Inject;

/**
 * Deletes the selected steps, triggers, flows and intents from the text, in one edit (a step inside a selected
 * branch goes with the branch).
 */
final class DeleteStepHandler extends BasicOperationHandler<DeleteOperation> {

	@Inject
	private DocumentEditor editor;

	@Override
	public Optional<Command> createCommand(DeleteOperation operation) {
		var ids = operation.getElementIds();
		if (ids == null || ids.isEmpty()) {
			editor.refuse("select what to delete");
		} else {
			editor.apply(edits -> edits.delete(ids));
		}
		return doNothing();
	}
}
