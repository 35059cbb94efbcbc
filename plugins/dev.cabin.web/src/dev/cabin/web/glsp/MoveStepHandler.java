package dev.cabin.web.glsp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.graph.GPoint;
import org.eclipse.glsp.server.actions.ActionDispatcher;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;

import com.google.inject.Inject;

/**
 * Moves a step that was dragged in the diagram: it goes before or after the step of its flow that it was dropped
 * nearest to (before when dropped left of that step's middle: the flows run left to right), as a text edit that
 * moves its source. Nodes keep no place of their own (the layout is computed from the text), so a drop nearer the
 * step's own place than any other step's puts it back where it was, and so does one that changes nothing.
 */
final class MoveStepHandler extends BasicOperationHandler<ChangeBoundsOperation> {

	@Inject
	private DocumentEditor editor;
	@Inject
	private GModelState state;
	@Inject
	private ModelSubmissionHandler submission;
	@Inject
	private ActionDispatcher dispatcher;

	@Override
	public Optional<Command> createCommand(ChangeBoundsOperation operation) {
		List<ElementAndBounds> moved = operation.getNewBounds();
		GNode step = moved == null || moved.size() != 1 ? null
				: state.getIndex().get(moved.get(0).getElementId()).filter(GNode.class::isInstance).map(GNode.class::cast)
						.filter(node -> DiagramModelFactory.STEP.equals(node.getType())).orElse(null);
		double[] dropped = step == null ? null : dropCenter(step, moved.get(0));
		Optional<GNode> target = step == null ? Optional.empty() : nearestStep(step, dropped);
		// dropped nearer its own place than any other step's: a click that slipped, or landed while the diagram
		// moved, is no move
		boolean stays = target.isPresent() && distance(dropped, center(step)) < distance(dropped, center(target.get()));
		boolean planned = false;
		// the step goes back to its place however the refusal fares
		try {
			planned = target.isPresent() && !stays && editor.apply(edits -> edits.moveStep(step.getId(),
					target.get().getId(), dropped[0] > center(target.get())[0]));
			if (step == null) {
				editor.refuse("drag one step onto a place among the steps of its flow");
			} else if (target.isEmpty()) {
				editor.refuse("its flow has no other step to move it next to");
			}
		} finally {
			if (!planned) {
				dispatcher.dispatchAll(submission.submitModel());
			}
		}
		return doNothing();
	}

	/* The other steps of its flow (all are the flow node's children), but those inside it. */
	private static Optional<GNode> nearestStep(GNode step, double[] dropped) {
		return step.getParent().getChildren().stream().filter(GNode.class::isInstance).map(GNode.class::cast)
				.filter(node -> DiagramModelFactory.STEP.equals(node.getType()) && node != step
						&& !node.getId().startsWith(step.getId() + "."))
				.min(Comparator.comparingDouble(node -> distance(center(node), dropped)));
	}

	private static double[] dropCenter(GNode step, ElementAndBounds bounds) {
		double[] parent = origin(step.getParent());
		GPoint position = bounds.getNewPosition() == null ? step.getPosition() : bounds.getNewPosition();
		return new double[] { parent[0] + position.getX() + step.getSize().getWidth() / 2,
				parent[1] + position.getY() + step.getSize().getHeight() / 2 };
	}

	private static double[] center(GNode node) {
		double[] origin = origin(node);
		return new double[] { origin[0] + node.getSize().getWidth() / 2, origin[1] + node.getSize().getHeight() / 2 };
	}

	/* Where an element's own coordinates start, in the diagram's (positions are relative to the parent node). */
	private static double[] origin(GModelElement element) {
		double x = 0;
		double y = 0;
		for (GModelElement current = element; current instanceof GNode node; current = current.getParent()) {
			x += node.getPosition().getX();
			y += node.getPosition().getY();
		}
		return new double[] { x, y };
	}

	private static double distance(double[] a, double[] b) {
		return Math.hypot(a[0] - b[0], a[1] - b[1]);
	}
}
