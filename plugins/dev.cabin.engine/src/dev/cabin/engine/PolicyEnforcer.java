package dev.cabin.engine;

import java.util.ArrayList;
import java.util.List;

import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.language.Words;

/**
 * The agent's policies in force (those whose condition holds now): which tools they deny, whether actuators
 * need a confirmation, and how they shape a reply (shortened to their word limit, without screen text).
 */
final class PolicyEnforcer {

	/** A reply's texts as the policies allow them; {@code screen} is {@code null} when none may be shown. */
	record Policed(String text, String screen) {
	}

	private final TurnContext context;

	PolicyEnforcer(TurnContext context) {
		this.context = context;
	}

	List<PolicyIr> active() {
		List<PolicyIr> active = new ArrayList<>();
		for (PolicyIr policy : context.ir().policies()) {
			if (context.evaluator().test(policy.condition())) {
				active.add(policy);
			}
		}
		return active;
	}

	/** The first policy in force that denies the tool, or {@code null}. */
	PolicyIr denying(ToolIr tool) {
		for (PolicyIr policy : active()) {
			if (policy.deniedTools().contains(tool.name())) {
				return policy;
			}
		}
		return null;
	}

	/** The first policy in force that wants actuators confirmed, or {@code null}. */
	PolicyIr confirmingActuators() {
		for (PolicyIr policy : active()) {
			if (policy.confirmActuators()) {
				return policy;
			}
		}
		return null;
	}

	/** The texts of a reply as the policies in force allow them; what they change is in the trace. */
	Policed police(String text, String screen) {
		String spoken = text;
		String shown = screen;
		for (PolicyIr policy : active()) {
			if (policy.maxWords() != null && Words.count(spoken) > policy.maxWords()) {
				String shortened = Words.shorten(spoken, policy.maxWords());
				context.trace().transition("policy " + policy.name() + ": reply shortened from "
						+ Math.round(Words.count(spoken)) + " to " + Math.round(Words.count(shortened)) + " words");
				spoken = shortened;
			}
			if (policy.noScreenText() && shown != null) {
				context.trace().transition("policy " + policy.name() + ": screen text dropped");
				shown = null;
			}
		}
		return new Policed(spoken, shown);
	}
}
