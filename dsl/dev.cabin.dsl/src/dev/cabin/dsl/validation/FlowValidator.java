package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Policy;
import dev.cabin.dsl.policy.PolicyRules;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.validation.Conditions.Dnf;
import dev.cabin.dsl.validation.FlowAnalysis.Context;
import dev.cabin.language.Words;

/**
 * Checks an agent's flows as a whole: intents and flows nothing reaches, steps that never run, dead ends,
 * endless loops of runs or handoffs, and the driving policies.
 *
 * <p><b>Reachable while moving.</b> A policy's condition (e.g. {@code Vehicle.Speed > 0}) says when the car is
 * moving. A step is reachable while moving unless every way into it contradicts that condition: the
 * {@code when} guard and the signal condition of each trigger that starts its flow, the context of each
 * {@code run} of its flow, and the {@code branch} cases around it. Contradictions are found between comparisons
 * of the same signal with constants and between {@code driver is} states; whatever is more complex counts as
 * possibly true, and a flow that nothing starts counts as reachable. So a step that is not reported is
 * provably never run while the policy holds. The engine enforces the policies at run time whatever the flows
 * say; these warnings show the author where it will have to (cut a reply, hide a screen text, ask before an
 * actuator moves, refuse a tool).
 */
public class FlowValidator extends CabinCheckBase {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Check
	public void checkFlows(Agent agent) {
		FlowAnalysis analysis = new FlowAnalysis(agent);
		IssueSink sink = sink();
		for (Flow flow : agent.getFlows()) {
			if (!analysis.isUsed(flow)) {
				warning("no trigger starts the flow " + flow.getName() + " and no flow runs it", flow,
						CABIN.getFlow_Name(), CabinIssueCodes.UNUSED_FLOW);
			}
			FlowAnalysis.reportUnreachableSteps(flow, sink);
			FlowAnalysis.reportDeadEnds(flow, sink);
		}
		for (Intent intent : agent.getIntents()) {
			if (!analysis.isReached(intent)) {
				warning("no trigger reaches the intent " + intent.getName() + " (on voice " + intent.getName()
						+ " -> ...)", intent, CABIN.getIntent_Name(), CabinIssueCodes.UNREACHABLE_INTENT);
			}
		}
		FlowAnalysis.reportRunCycles(agent, sink);
		FlowAnalysis.reportHandoffCycles(agent, sink);
		for (Policy policy : agent.getPolicies()) {
			checkPolicy(policy, analysis.contexts());
		}
	}

	private void checkPolicy(Policy policy, Map<EObject, Context> contexts) {
		Dnf condition = Conditions.of(policy.getCondition());
		String when = "while " + text(policy.getCondition()) + " (policy " + policy.getName() + ")";
		PolicyRules rules = PolicyRules.of(policy);
		Integer maxWords = rules.maxWords();
		for (Map.Entry<EObject, Context> entry : contexts.entrySet()) {
			EObject step = entry.getKey();
			boolean moving = entry.getValue().all().and(condition).satisfiable();
			if (!moving) {
				continue;
			}
			if (maxWords != null) {
				for (LocalizedText reply : replies(step)) {
					int words = Words.count(reply.getText());
					if (words > maxWords) {
						warning("this reply has " + words + " words; " + when + " replies have at most " + maxWords
								+ ", so it is cut: shorten it or branch on the condition", reply,
								CABIN.getLocalizedText_Text(), CabinIssueCodes.REPLY_TOO_LONG_WHILE_MOVING,
								Integer.toString(maxWords));
					}
				}
			}
			if (rules.noScreenText() && step instanceof Say say && !say.getScreen().isEmpty()) {
				warning("no screen text " + when + ": this screen text is not shown then", say,
						CABIN.getSay_Screen(), 0, CabinIssueCodes.SCREEN_TEXT_WHILE_MOVING);
			}
			Call call = callOf(step);
			if (call == null || call.getTool() == null || call.getTool().eIsProxy()) {
				continue;
			}
			boolean unconfirmed = entry.getValue().unconfirmed().and(condition).satisfiable();
			if (rules.confirmActuators() && unconfirmed && call.getTool().getBinding() instanceof ActuatorBinding) {
				warning(call.getTool().getName() + " moves an actuator " + when
						+ " without a confirm step before it, so the engine asks first; put it in confirm ... yes { ... }"
						+ " to ask in your words, or branch on the condition", call, CABIN.getCall_Tool(),
						CabinIssueCodes.UNCONFIRMED_ACTUATOR_WHILE_MOVING);
			}
			if (rules.deniedTools().contains(call.getTool())) {
				warning(when + " the tool " + call.getTool().getName() + " is denied: this call is refused then",
						call, CABIN.getCall_Tool(), CabinIssueCodes.DENIED_TOOL_WHILE_MOVING);
			}
		}
	}

	private static Call callOf(EObject step) {
		if (step instanceof CallStep callStep) {
			return callStep.getCall();
		}
		if (step instanceof Trigger trigger && trigger.getAction() instanceof CallAction action) {
			return action.getCall();
		}
		return null;
	}

	/** What a step says to the driver. */
	private static List<LocalizedText> replies(EObject step) {
		List<LocalizedText> replies = new ArrayList<>();
		if (step instanceof Say say) {
			replies.addAll(say.getTexts());
			replies.addAll(say.getOtherwise());
		} else if (step instanceof Confirm confirm) {
			replies.addAll(confirm.getTexts());
		} else if (step instanceof Ask ask) {
			replies.addAll(!ask.getPrompt().isEmpty() || ask.getSlot() == null ? ask.getPrompt() : ask.getSlot().getPrompt());
		} else if (step instanceof Generate generate) {
			replies.addAll(generate.getFallback());
		}
		replies.removeIf(text -> text.getText() == null);
		return replies;
	}

	private static String text(EObject object) {
		return object == null ? "" : NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(object));
	}
}
