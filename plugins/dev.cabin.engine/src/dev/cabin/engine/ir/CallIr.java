package dev.cabin.engine.ir;

import java.util.Map;

/**
 * A call of a tool with its arguments in source order.
 *
 * @param result the name the result is kept under for later steps and templates, or {@code null}
 */
public record CallIr(String tool, Map<String, ExprIr> args, String result) {

	public CallIr {
		args = Ir.ordered(args);
	}
}
