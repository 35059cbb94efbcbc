package dev.cabin.web.glsp;

import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/** Takes the editor's new text as the document and sends the diagram rebuilt from it. */
final class UpdateDocumentHandler extends AbstractActionHandler<UpdateDocumentAction> {

	@Inject
	private GModelState state;
	@Inject
	private ModelSubmissionHandler submission;

	@Override
	protected List<Action> executeAction(UpdateDocumentAction action) {
		CabinDocument document = CabinDocument.of(state).orElse(null);
		if (document == null || action.getText() == null) {
			return none();
		}
		document.withText(action.getText()).storeIn(state);
		return submission.submitModel();
	}
}
