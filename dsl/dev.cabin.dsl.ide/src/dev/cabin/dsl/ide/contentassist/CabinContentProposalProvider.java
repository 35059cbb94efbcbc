package dev.cabin.dsl.ide.contentassist;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import com.google.inject.Inject;

import dev.cabin.dsl.cabin.Argument;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.Comparison;
import dev.cabin.dsl.cabin.ExpectCall;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.SignalAssignment;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.EntityValueType;
import dev.cabin.dsl.ide.TextReferences;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.services.CabinGrammarAccess;
import dev.cabin.dsl.validation.References;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssNode;

/**
 * Completion beyond keywords and cross references: VSS paths level by level (each proposal says what the node
 * is, its type and unit), slots where an expression may name one, and the values an entity or a signal allows
 * where a text value is expected.
 */
public class CabinContentProposalProvider extends IdeContentProposalProvider {

	/** What completion proposals are, for clients that show it (the kind of an entry). */
	public static final String VSS_KIND = "vss";
	public static final String SLOT_KIND = "slot";
	public static final String VALUE_KIND = "value";

	@Inject
	private CabinGrammarAccess grammar;

	@Inject
	private ProjectCatalogues catalogues;

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		Set<Assignment> paths = Set.of(grammar.getReferenceAccess().getPathAssignment(),
				grammar.getActuatorBindingAccess().getPathAssignment_1(), grammar.getGazeEventAccess().getZoneAssignment_1(),
				grammar.getGazeInputAccess().getZoneAssignment_1(), grammar.getSignalAssignmentAccess().getPathAssignment_0());
		if (paths.contains(assignment)) {
			proposeSignals(context, acceptor);
			if (assignment == grammar.getReferenceAccess().getPathAssignment()) {
				proposeSlots(context, acceptor);
			}
			return;
		}
		if (assignment == grammar.getStringLiteralAccess().getValueAssignment()) {
			proposeValues(context, acceptor);
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/* The typed path: what stands before the cursor, dots included. */
	private static String typedPath(ContentAssistContext context) {
		String text = context.getRootNode().getText();
		int start = context.getOffset();
		while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.'
				|| text.charAt(start - 1) == '_')) {
			start--;
		}
		return text.substring(start, context.getOffset());
	}

	private void proposeSignals(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		VssCatalogue catalogue = catalogues.forResource(context.getResource()).catalogue();
		String typed = typedPath(context);
		int dot = typed.lastIndexOf('.');
		String parent = dot < 0 ? "" : typed.substring(0, dot);
		String segment = typed.substring(dot + 1).toLowerCase(Locale.ROOT);
		for (VssNode node : catalogue.children(parent)) {
			if (!node.name().toLowerCase(Locale.ROOT).startsWith(segment)) {
				continue;
			}
			ContentAssistEntry entry = getProposalCreator().createProposal(node.path(), typed, context, VSS_KIND, e -> {
				e.setLabel(node.name());
				e.setDescription(node.summary());
				e.setDocumentation(node.description());
			});
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
		}
	}

	private void proposeSlots(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String typed = typedPath(context);
		if (typed.contains(".")) {
			return;
		}
		for (Slot slot : TextReferences.slots(context.getCurrentModel()).values()) {
			if (slot.getName().startsWith(typed)) {
				ContentAssistEntry entry = getProposalCreator().createProposal(slot.getName(), typed, context, SLOT_KIND,
						e -> e.setDescription("slot of " + ((dev.cabin.dsl.cabin.Intent) slot.eContainer()).getName()));
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry) + 1);
			}
		}
	}

	/* A text value where the other side of a comparison, the signal assigned or the parameter allows a set. */
	private void proposeValues(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String text = context.getRootNode().getText();
		int start = context.getOffset();
		while (start > 0 && text.charAt(start - 1) != '"' && text.charAt(start - 1) != '\n') {
			start--;
		}
		String typed = start > 0 && text.charAt(start - 1) == '"' ? text.substring(start - 1, context.getOffset()) : "";
		for (String value : allowedValues(context.getCurrentModel(), context)) {
			String proposal = "\"" + value + "\"";
			if (proposal.startsWith(typed)) {
				ContentAssistEntry entry = getProposalCreator().createProposal(proposal, typed, context, VALUE_KIND, null);
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry) + 1);
			}
		}
	}

	private List<String> allowedValues(EObject model, ContentAssistContext context) {
		VssCatalogue catalogue = catalogues.forResource(context.getResource()).catalogue();
		Comparison comparison = EcoreUtil2.getContainerOfType(model, Comparison.class);
		if (comparison != null) {
			Reference reference = comparison.getLeft() instanceof Reference left ? left
					: comparison.getRight() instanceof Reference right ? right : null;
			if (reference != null && reference.getPath() != null) {
				return allowed(References.resolve(reference.getPath(), reference, catalogue));
			}
		}
		SignalAssignment assignment = EcoreUtil2.getContainerOfType(model, SignalAssignment.class);
		if (assignment != null && assignment.getPath() != null) {
			return catalogue.node(assignment.getPath()).map(VssNode::allowed).orElse(List.of());
		}
		Argument argument = EcoreUtil2.getContainerOfType(model, Argument.class);
		if (argument != null) {
			Tool tool = argument.eContainer() instanceof Call call ? call.getTool()
					: argument.eContainer() instanceof ExpectCall expect ? expect.getTool() : null;
			if (tool != null && !tool.eIsProxy()) {
				for (ToolParam parameter : tool.getParams()) {
					if (parameter.getName().equals(argument.getName())) {
						return entityValues(parameter.getType());
					}
				}
			}
		}
		return List.of();
	}

	private static List<String> allowed(References.Target target) {
		if (target instanceof References.SignalTarget signal) {
			return signal.node().allowed();
		}
		if (target instanceof References.SlotTarget slot) {
			return entityValues(slot.slot().getType());
		}
		return List.of();
	}

	private static List<String> entityValues(dev.cabin.dsl.cabin.ValueType type) {
		if (type instanceof EntityValueType entity && entity.getEntity() != null && !entity.getEntity().eIsProxy()) {
			return entity.getEntity().getValues().stream().map(EntityValue::getName).toList();
		}
		return List.of();
	}
}
