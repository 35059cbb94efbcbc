package dev.cabin.engine.ir;

import java.util.List;

/**
 * Rules that hold while the condition does, whatever a flow or an LLM produced.
 *
 * @param maxWords the longest reply, or {@code null}
 * @param noScreenText whether screen texts are dropped
 * @param confirmActuators whether an actuator call needs the driver's yes first
 * @param deniedTools tools that must not run
 */
public record PolicyIr(String name, ExprIr condition, Integer maxWords, boolean noScreenText,
		boolean confirmActuators, List<String> deniedTools) {

	public PolicyIr {
		deniedTools = Ir.list(deniedTools);
	}
}
