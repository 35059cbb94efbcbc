package dev.cabin.diagram.graph;

import java.util.List;

/**
 * A box of the diagram.
 *
 * @param id a stable id built from names and step positions (see {@link ElementIds}), unique in the diagram
 * @param parentId the id of the agent or flow that contains it, or {@code null} at the top
 * @param step whether it is a step of a flow (the steps a conversation can visit)
 * @param title the first line, drawn in bold
 * @param details further lines (texts, conditions, call arguments), already shortened to fit
 * @param modalities for triggers: the modality of the event, then that of the fused partner event if any
 * @param collapsed for flows: drawn as one box without its steps
 */
public record DiagramNode(String id, String parentId, NodeKind kind, boolean step, String title,
		List<String> details, List<Modality> modalities, SourceRange source, boolean collapsed) {

	public DiagramNode {
		details = List.copyOf(details);
		modalities = List.copyOf(modalities);
	}
}
