package dev.cabin.dsl.policy;

import java.util.ArrayList;
import java.util.List;

import dev.cabin.dsl.cabin.ConfirmActuators;
import dev.cabin.dsl.cabin.DenyTool;
import dev.cabin.dsl.cabin.MaxWords;
import dev.cabin.dsl.cabin.NoScreenText;
import dev.cabin.dsl.cabin.Policy;
import dev.cabin.dsl.cabin.PolicyRule;
import dev.cabin.dsl.cabin.Tool;

/**
 * What a policy's rules add up to, read the same way by the compile-time safety checks and by the compiler:
 * the strictest word limit wins, the other rules accumulate.
 *
 * @param maxWords the smallest {@code max words} of the policy, or {@code null} without one
 * @param deniedTools the resolved tools of its {@code deny tool} rules, in source order
 */
public record PolicyRules(Integer maxWords, boolean noScreenText, boolean confirmActuators, List<Tool> deniedTools) {

	public static PolicyRules of(Policy policy) {
		Integer maxWords = null;
		boolean noScreenText = false;
		boolean confirmActuators = false;
		List<Tool> denied = new ArrayList<>();
		for (PolicyRule rule : policy.getRules()) {
			if (rule instanceof MaxWords max) {
				maxWords = maxWords == null ? max.getLimit() : Math.min(maxWords, max.getLimit());
			} else if (rule instanceof NoScreenText) {
				noScreenText = true;
			} else if (rule instanceof ConfirmActuators) {
				confirmActuators = true;
			} else if (rule instanceof DenyTool deny && deny.getTool() != null && !deny.getTool().eIsProxy()) {
				denied.add(deny.getTool());
			}
		}
		return new PolicyRules(maxWords, noScreenText, confirmActuators, List.copyOf(denied));
	}
}
