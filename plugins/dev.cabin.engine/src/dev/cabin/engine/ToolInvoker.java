package dev.cabin.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cabin.engine.ir.CallIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.ToolIr;

/**
 * Makes tool calls for flows, triggers and the LLM: validates the arguments against the declaration, refuses
 * a tool a policy denies, asks before an actuator moves when a policy wants that, runs the handler or sets the
 * actuator's target, keeps a named result in memory, and records every call in the turn.
 */
final class ToolInvoker {

	private final TurnContext context;
	private final PolicyEnforcer policies;
	private final Replies replies;
	private final Dialog dialog;

	ToolInvoker(TurnContext context, PolicyEnforcer policies, Replies replies, Dialog dialog) {
		this.context = context;
		this.policies = policies;
		this.replies = replies;
		this.dialog = dialog;
	}

	/** A call of a flow or a trigger; a call that could not run ends the flow, which relied on it. */
	void call(CallIr call, String origin, boolean confirmed) {
		ToolIr tool = context.ir().tool(call.tool());
		Map<String, Object> args = new LinkedHashMap<>();
		call.args().forEach((name, value) -> args.put(name, context.evaluator().value(value)));
		ToolCall done = invoke(tool, call.tool(), args, origin, confirmed, call.result());
		if (done != null && !done.done()) {
			if (!done.outcome().equals("denied")) {
				replies.plain("say", replies.phrase(Phrases.NOT_NOW), dialog.currentFlow());
			}
			dialog.endFlowsAfter(done);
		}
	}

	/**
	 * Validates and runs a tool call, under the policies in force: a denied tool does not run, and an actuator
	 * that needs confirmation asks first. Returns the call as recorded, or {@code null} while it waits for the
	 * occupant's yes.
	 */
	ToolCall invoke(ToolIr tool, String name, Map<String, Object> args, String origin, boolean confirmed,
			String resultName) {
		if (tool == null) {
			return context.record(new ToolCall(name, args, origin, "invalid", null, "no tool " + name + " is declared"));
		}
		String problem = Tools.validate(tool, args, context.agent().nlu().values(), context.ir());
		if (problem != null) {
			return context.record(new ToolCall(name, args, origin, "invalid", null, problem));
		}
		PolicyIr denying = policies.denying(tool);
		if (denying != null) {
			replies.plain("say", replies.phrase(Phrases.NOT_NOW), dialog.currentFlow());
			return context.record(new ToolCall(name, args, origin, "denied", null, "policy " + denying.name() + " denies it"));
		}
		if (!confirmed && tool.binding() instanceof ToolIr.Binding.Actuator) {
			PolicyIr confirming = policies.confirmingActuators();
			if (confirming != null) {
				String what = tool.description() != null ? lowerFirst(tool.description()) : tool.name();
				String question = String.format(replies.phrase(Phrases.SHALL_I), what);
				context.trace().transition("policy " + confirming.name() + ": " + tool.name() + " needs a confirmation");
				replies.plain("prompt", question, dialog.currentFlow());
				dialog.await(new Dialog.CallQuestion(tool, args, origin, resultName, question));
				return null;
			}
		}
		return run(tool, args, origin, resultName);
	}

	/** The occupant's answer to a call's confirmation: yes runs it; no declines it and ends the flow. */
	void answered(Dialog.CallQuestion call, boolean yes) {
		if (yes) {
			run(call.tool(), call.args(), call.origin(), call.resultName());
			return;
		}
		ToolCall declined = context.record(new ToolCall(call.tool().name(), call.args(), call.origin(), "declined",
				null, "the occupant said no"));
		if (!call.origin().equals("llm")) {
			dialog.endFlowsAfter(declined);
		}
	}

	private Object target(ToolIr.Binding.Actuator actuator, Map<String, Object> args) {
		if (actuator.value() instanceof ExprIr.Ref ref && args.containsKey(ref.path())) {
			return args.get(ref.path());
		}
		if (actuator.value() != null) {
			return context.evaluator().value(actuator.value());
		}
		return args.isEmpty() ? Boolean.TRUE : args.values().iterator().next();
	}

	private ToolCall run(ToolIr tool, Map<String, Object> args, String origin, String resultName) {
		ToolCall done;
		if (tool.binding() instanceof ToolIr.Binding.Actuator actuator) {
			Object target = target(actuator, args);
			context.vehicle().setTarget(actuator.path(), target);
			done = new ToolCall(tool.name(), args, origin, "done", target, null);
		} else {
			String handlerName = tool.binding() instanceof ToolIr.Binding.Handler h ? h.handler() : tool.name();
			ToolHandler handler = context.handler(handlerName);
			if (handler == null) {
				done = new ToolCall(tool.name(), args, origin, "simulated", null,
						"no handler \"" + handlerName + "\" is registered");
			} else {
				try {
					done = new ToolCall(tool.name(), args, origin, "done", handler.call(args), null);
				} catch (Exception e) {
					done = new ToolCall(tool.name(), args, origin, "failed", null,
							e.getClass().getSimpleName() + ": " + e.getMessage());
				}
			}
		}
		if (resultName != null) {
			context.memory().put(resultName, done.result());
		}
		return context.record(done);
	}

	private static String lowerFirst(String text) {
		String stripped = text.replaceAll("[.。]$", "");
		return stripped.isEmpty() ? stripped : Character.toLowerCase(stripped.charAt(0)) + stripped.substring(1);
	}
}
