package dev.cabin.dsl.query;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.Confidence;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.IntentAction;
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.TriggerAction;
import dev.cabin.dsl.cabin.VoiceEvent;

/**
 * How sure the recognizer must be before an agent acts on an intent: the author's {@code confidence}, else by
 * what the intent does. An intent that can change something (a trigger on it, or a flow such a trigger runs,
 * directly or through {@code run} and {@code confirm}/{@code branch} blocks, calls a tool, which sets an
 * actuator or runs a handler) needs high confidence; one that only answers, normal. A trigger that handles the
 * intent as another intent, or a handoff with an intent, takes that intent's risk.
 */
public final class IntentRisk {

	private IntentRisk() {
	}

	/** The confidence the intent needs: the author's, else the default for what it does. */
	public static Confidence of(Intent intent) {
		return isSet(intent) ? intent.getConfidence() : byDefault(intent);
	}

	/**
	 * Whether the author wrote the intent's {@code confidence}: by the source, since the model cannot tell a
	 * written {@code high}, its first literal, from none.
	 */
	public static boolean isSet(Intent intent) {
		return !NodeModelUtils.findNodesForFeature(intent, CabinPackage.Literals.INTENT__CONFIDENCE).isEmpty();
	}

	/** The confidence for what the intent does: high when it can change something, else normal. */
	public static Confidence byDefault(Intent intent) {
		return acts(intent, new HashSet<>()) ? Confidence.HIGH : Confidence.NORMAL;
	}

	private static boolean acts(Intent intent, Set<EObject> seen) {
		if (!seen.add(intent)) {
			return false;
		}
		Agent agent = EcoreUtil2.getContainerOfType(intent, Agent.class);
		if (agent == null) {
			return false;
		}
		for (Trigger trigger : agent.getTriggers()) {
			if (hears(trigger, intent) && acts(trigger.getAction(), seen)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hears(Trigger trigger, Intent intent) {
		return trigger.getEvent() instanceof VoiceEvent voice && voice.getIntent() == intent
				|| trigger.getPartner() instanceof VoiceEvent partner && partner.getIntent() == intent;
	}

	private static boolean acts(TriggerAction action, Set<EObject> seen) {
		if (action instanceof CallAction) {
			return true;
		}
		if (action instanceof FlowAction flow) {
			return acts(flow.getFlow(), seen);
		}
		return action instanceof IntentAction asIntent && asIntent.getIntent() != null
				&& !asIntent.getIntent().eIsProxy() && acts(asIntent.getIntent(), seen);
	}

	private static boolean acts(Flow flow, Set<EObject> seen) {
		if (flow == null || flow.eIsProxy() || !seen.add(flow)) {
			return false;
		}
		if (!EcoreUtil2.getAllContentsOfType(flow, CallStep.class).isEmpty()) {
			return true;
		}
		for (RunFlow run : EcoreUtil2.getAllContentsOfType(flow, RunFlow.class)) {
			if (acts(run.getFlow(), seen)) {
				return true;
			}
		}
		for (Handoff handoff : EcoreUtil2.getAllContentsOfType(flow, Handoff.class)) {
			if (handoff.getIntent() != null && !handoff.getIntent().eIsProxy() && acts(handoff.getIntent(), seen)) {
				return true;
			}
		}
		return false;
	}
}
