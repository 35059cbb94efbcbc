package dev.cabin.web.glsp;

import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.ChangeRoutingPointsOperation;

/**
 * Takes the edges' routes that GLSP's client sends along with a dragged step (in one compound operation with
 * the step's move) and keeps nothing of them: the layout routes the edges from the text. Without a handler the
 * server could not read that compound operation at all.
 */
final class RoutesHandler extends BasicOperationHandler<ChangeRoutingPointsOperation> {

	@Override
	public Optional<Command> createCommand(ChangeRoutingPointsOperation operation) {
		return doNothing();
	}
}
