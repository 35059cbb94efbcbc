package dev.cabin.web.glsp;

import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.DeleteOperation;

import com.google.inject.Inject;

/**
 * Deletes the selected step, trigger, flow or intent from the text. One element at a time: the edits of two
 * could overlap (a branch and a step inside it).
 */
final class DeleteStepHandler extends BasicOperationHandler<DeleteOperation> {

	@Inject
	private DocumentEditor editor;

	@Override
	public Optional<Command> createCommand(DeleteOperation operation) {
		var ids = operation.getElementIds();
		if (ids == null || ids.size() != 1) {
			editor.refuse("select one element to delete");
		} else {
			editor.apply(edits -> edits.delete(ids.get(0)));
		}
		return doNothing();
	}
}
