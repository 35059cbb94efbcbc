package dev.cabin.web.glsp;

import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.eclipse.glsp.server.operations.BasicOperationHandler;

import com.google.inject.Inject;

/** Renames an agent, intent or flow (and every reference to it) when its title label is edited. */
final class RenameHandler extends BasicOperationHandler<ApplyLabelEditOperation> {

	@Inject
	private DocumentEditor editor;

	@Override
	public Optional<Command> createCommand(ApplyLabelEditOperation operation) {
		String label = operation.getLabelId();
		if (label == null || !label.endsWith(DiagramModelFactory.TITLE_SUFFIX)) {
			editor.refuse("only the title of an agent, intent or flow can be renamed");
		} else {
			String element = label.substring(0, label.length() - DiagramModelFactory.TITLE_SUFFIX.length());
			editor.apply(edits -> edits.rename(element, operation.getText().trim()));
		}
		return doNothing();
	}
}
