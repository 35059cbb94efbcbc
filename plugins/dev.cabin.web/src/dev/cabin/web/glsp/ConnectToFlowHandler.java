package dev.cabin.web.glsp;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateOperationHandler;
import org.eclipse.glsp.server.operations.Operation;

import com.google.inject.Inject;

/**
 * An edge drawn from a step or trigger to a flow: the trigger starts that flow, or a {@code run} step after the
 * step runs it.
 */
final class ConnectToFlowHandler extends BasicOperationHandler<CreateEdgeOperation>
		implements CreateOperationHandler<CreateEdgeOperation> {

	private static final String FLOW_ID = ".flow.";

	@Inject
	private DocumentEditor editor;

	@Override
	public List<String> getHandledElementTypeIds() {
		return List.of(CabinDiagramConfiguration.RUN_EDGE);
	}

	@Override
	public boolean handles(Operation operation) {
		return CreateOperationHandler.super.handles(operation);
	}

	@Override
	public Optional<Command> createCommand(CreateEdgeOperation operation) {
		String target = operation.getTargetElementId();
		int flow = target == null ? -1 : target.lastIndexOf(FLOW_ID);
		if (flow < 0 || target.indexOf('.', flow + FLOW_ID.length()) >= 0) {
			editor.refuse("an edge can only lead to a flow");
		} else {
			String flowName = target.substring(flow + FLOW_ID.length());
			editor.apply(edits -> edits.connectToFlow(operation.getSourceElementId(), flowName));
		}
		return doNothing();
	}
}
