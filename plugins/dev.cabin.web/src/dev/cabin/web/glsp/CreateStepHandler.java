package dev.cabin.web.glsp;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.operations.CreateOperationHandler;
import org.eclipse.glsp.server.operations.Operation;

import com.google.inject.Inject;

import dev.cabin.diagram.edit.StepTemplate;

/**
 * Adds a step after the selected step (or at the end of the selected flow), or a case to the selected branch:
 * {@code createNode} with the element type {@code step:KIND} or {@code case}, the element to add after in the
 * argument {@code after} (or as the container).
 */
final class CreateStepHandler extends BasicOperationHandler<CreateNodeOperation>
		implements CreateOperationHandler<CreateNodeOperation> {

	static final String CASE = "case";
	static final String STEP_PREFIX = "step:";
	static final String AFTER = "after";
	static final Map<String, Supplier<StepTemplate>> TEMPLATES = Map.of("say", StepTemplate::say, "generate",
			StepTemplate::generate, "confirm", StepTemplate::confirm, "branch", StepTemplate::branch, "end",
			StepTemplate::end);

	@Inject
	private DocumentEditor editor;

	@Override
	public List<String> getHandledElementTypeIds() {
		return Stream.concat(TEMPLATES.keySet().stream().map(kind -> STEP_PREFIX + kind), Stream.of(CASE)).toList();
	}

	@Override
	public boolean handles(Operation operation) {
		return CreateOperationHandler.super.handles(operation);
	}

	@Override
	public Optional<Command> createCommand(CreateNodeOperation operation) {
		String type = operation.getElementTypeId();
		String target = operation.getArgs() != null && operation.getArgs().get(AFTER) != null
				? operation.getArgs().get(AFTER)
				: operation.getContainerId();
		if (target == null) {
			editor.refuse("select the step or flow to add after");
		} else if (CASE.equals(type)) {
			editor.apply(edits -> edits.addCase(target));
		} else if (type != null && type.startsWith(STEP_PREFIX)
				&& TEMPLATES.containsKey(type.substring(STEP_PREFIX.length()))) {
			StepTemplate template = TEMPLATES.get(type.substring(STEP_PREFIX.length())).get();
			editor.apply(edits -> edits.addStepAfter(target, template));
		} else {
			editor.refuse("the diagram cannot add \"" + type + "\"");
		}
		return doNothing();
	}
}
