package dev.cabin.dsl.ide.highlighting;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.DriverState;
import dev.cabin.dsl.cabin.Entity;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.GestureEvent;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.PostureEvent;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.dsl.ide.TextReferences;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.validation.References;

/**
 * Highlighting that the grammar alone cannot give: declarations by kind, vehicle signals, slots and results
 * (also inside the markers of texts), locales, driver states and gestures. The styles are the token types of
 * the Language Server Protocol, so that any LSP client colours them with its theme.
 */
public class CabinHighlightingCalculator extends DefaultSemanticHighlightingCalculator {

	public static final String AGENT = "namespace";
	public static final String TYPE = "type";
	public static final String FLOW = "function";
	public static final String TOOL = "method";
	public static final String SLOT = "parameter";
	public static final String SIGNAL = "property";
	public static final String VALUE = "enumMember";
	public static final String LOCALE = "decorator";
	public static final String UNRESOLVED = "variable";

	/** Every style this calculator uses, for a semantic tokens legend. */
	public static final List<String> STYLES = List.of(AGENT, TYPE, FLOW, TOOL, SLOT, SIGNAL, VALUE, LOCALE, UNRESOLVED);

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Inject
	private ProjectCatalogues catalogues;

	@Override
	protected void doProvideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		super.doProvideHighlightingFor(resource, acceptor, cancelIndicator);
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getGrammarElement() instanceof org.eclipse.xtext.RuleCall call
					&& "LOCALE".equals(call.getRule().getName())) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), LOCALE);
			}
		}
		for (TextReferences.Found found : TextReferences.all(resource, catalogues.forResource(resource).catalogue())) {
			acceptor.addPosition(found.offset(), found.length(), style(found.target()));
		}
	}

	private static String style(References.Target target) {
		if (target instanceof References.SignalTarget) {
			return SIGNAL;
		}
		if (target instanceof References.SlotTarget || target instanceof References.ResultTarget
				|| target instanceof References.ParameterTarget) {
			return SLOT;
		}
		return UNRESOLVED;
	}

	@Override
	protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		if (object instanceof Agent) {
			highlightFeature(acceptor, object, CABIN.getAgent_Name(), AGENT);
		} else if (object instanceof Intent) {
			highlightFeature(acceptor, object, CABIN.getIntent_Name(), TYPE);
		} else if (object instanceof Entity) {
			highlightFeature(acceptor, object, CABIN.getEntity_Name(), TYPE);
		} else if (object instanceof EntityValue) {
			highlightFeature(acceptor, object, CABIN.getEntityValue_Name(), VALUE);
		} else if (object instanceof Flow) {
			highlightFeature(acceptor, object, CABIN.getFlow_Name(), FLOW);
		} else if (object instanceof Tool) {
			highlightFeature(acceptor, object, CABIN.getTool_Name(), TOOL);
		} else if (object instanceof Slot) {
			highlightFeature(acceptor, object, CABIN.getSlot_Name(), SLOT);
		} else if (object instanceof ToolParam) {
			highlightFeature(acceptor, object, CABIN.getToolParam_Name(), SLOT);
		} else if (object instanceof DriverState) {
			highlightFeature(acceptor, object, CABIN.getDriverState_State(), VALUE);
		} else if (object instanceof PostureEvent) {
			highlightFeature(acceptor, object, CABIN.getPostureEvent_State(), VALUE);
		} else if (object instanceof GestureEvent) {
			highlightFeature(acceptor, object, CABIN.getGestureEvent_Gesture(), VALUE);
		}
		highlightCrossReferences(object, acceptor);
		return false;
	}

	/* References to declarations get the style of what they refer to. */
	private void highlightCrossReferences(EObject object, IHighlightedPositionAcceptor acceptor) {
		for (org.eclipse.emf.ecore.EReference reference : object.eClass().getEAllReferences()) {
			if (reference.isContainment() || reference.isContainer()) {
				continue;
			}
			Object target = object.eGet(reference, true);
			if (target instanceof EObject declaration && !declaration.eIsProxy()) {
				String style = declaration instanceof Agent ? AGENT
						: declaration instanceof Intent || declaration instanceof Entity ? TYPE
								: declaration instanceof Flow ? FLOW
										: declaration instanceof Tool ? TOOL : declaration instanceof Slot ? SLOT : null;
				if (style != null) {
					highlight(acceptor, object, reference, style);
				}
			}
		}
	}

	private void highlight(IHighlightedPositionAcceptor acceptor, EObject object, EStructuralFeature feature,
			String style) {
		for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
			highlightNode(acceptor, node, style);
		}
	}
}
