package dev.cabin.engine;

import java.util.List;

import dev.cabin.engine.Dialog.Frame;
import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.language.StepPath;

/**
 * Runs the flows' steps: says, asks for slots and confirmations (the answers are {@link Answers}'), branches,
 * calls tools, generates, runs other flows, ends them, and hands the conversation to another agent. Every step
 * run is in the trace with its path in its flow, which ties the trace to the flow's diagram.
 */
final class FlowInterpreter {

	/** Steps one event may run; more means a flow runs itself in a loop. */
	static final int MAX_STEPS_PER_TURN = 500;

	private final TurnContext context;
	private final Dialog dialog;
	private final Replies replies;
	private final ToolInvoker tools;
	private final Generation generation;
	private final Fusion fusion;
	private final TriggerClock triggers;

	FlowInterpreter(TurnContext context, Dialog dialog, Replies replies, ToolInvoker tools, Generation generation,
			Fusion fusion, TriggerClock triggers) {
		this.context = context;
		this.dialog = dialog;
		this.replies = replies;
		this.tools = tools;
		this.generation = generation;
		this.fusion = fusion;
		this.triggers = triggers;
	}

	/** Starts a flow afresh: the flows being run and the question that waited end. */
	void start(String name) {
		FlowIr flow = context.ir().flow(name);
		if (flow == null) {
			context.trace().note("no flow " + name + " in agent " + context.agentId());
			replies.fallback(context.intent());
			return;
		}
		dialog.reset();
		dialog.push(new Frame(flow.name(), flow.steps(), true, false, StepPath.FLOW));
		context.flowStarted(flow.name());
		context.trace().transition("start flow " + flow.name());
	}

	/** Runs steps until the flows end or a question waits for its answer. */
	void run() {
		while (dialog.runsFlows() && !dialog.awaiting()) {
			if (context.stepRun() > MAX_STEPS_PER_TURN) {
				context.trace().note("more than " + MAX_STEPS_PER_TURN + " steps in one turn: a flow loops; it was stopped");
				dialog.endFlows();
				replies.fallback(context.intent());
				return;
			}
			Frame frame = dialog.top();
			if (frame.next >= frame.steps.size()) {
				dialog.pop();
				if (frame.root) {
					context.trace().transition("flow " + frame.flow + " ended");
				}
				continue;
			}
			String path = StepPath.step(frame.pathPrefix, frame.next);
			context.trace().stepRun(context.agentId(), frame.flow, path);
			execute(frame.steps.get(frame.next++), frame, path);
		}
	}

	private void execute(StepIr step, Frame frame, String path) {
		if (step instanceof StepIr.Say say) {
			replies.policed("say", replies.render(say.text(), say.otherwise()), say.screen().isEmpty() ? null : replies.render(say.screen()),
					frame.flow);
		} else if (step instanceof StepIr.Ask ask) {
			ask(ask, frame.flow);
		} else if (step instanceof StepIr.Confirm confirm) {
			String question = replies.render(confirm.text());
			replies.policed("prompt", question, null, frame.flow);
			dialog.await(new Dialog.YesNoQuestion(confirm.yes(), confirm.no(), frame.confirmed, question, path));
		} else if (step instanceof StepIr.Branch branch) {
			List<StepIr> chosen = branch.otherwise();
			String block = StepPath.block(path, StepPath.OTHERWISE);
			for (int i = 0; i < branch.cases().size(); i++) {
				if (context.evaluator().test(branch.cases().get(i).condition())) {
					chosen = branch.cases().get(i).steps();
					block = StepPath.block(path, StepPath.whenCase(i));
					break;
				}
			}
			dialog.push(new Frame(frame.flow, chosen, false, frame.confirmed, block));
		} else if (step instanceof StepIr.Call call) {
			tools.call(call.call(), "flow", frame.confirmed);
		} else if (step instanceof StepIr.Generate generate) {
			generation.generate(generate, frame.flow);
		} else if (step instanceof StepIr.Handoff handoff) {
			handOff(handoff);
		} else if (step instanceof StepIr.Run run) {
			FlowIr flow = context.ir().flow(run.flow());
			if (flow == null) {
				context.trace().note("no flow " + run.flow() + " to run");
			} else {
				dialog.push(new Frame(flow.name(), flow.steps(), true, frame.confirmed, StepPath.FLOW));
				context.flowStarted(flow.name());
				context.trace().transition("run flow " + flow.name() + " from " + frame.flow);
			}
		} else if (step instanceof StepIr.End) {
			while (dialog.runsFlows()) {
				Frame popped = dialog.pop();
				if (popped.root) {
					context.trace().transition("flow " + popped.flow + " ended");
					break;
				}
			}
		}
	}

	private void ask(StepIr.Ask ask, String flow) {
		IntentIr intent = context.ir().intent(ask.intent());
		SlotIr slot = intent == null ? null : intent.slot(ask.slot());
		if (slot == null) {
			context.trace().note("no slot " + ask.intent() + "." + ask.slot());
			return;
		}
		if (context.memory().containsKey(slot.name())) {
			return;
		}
		String prompt = !ask.prompt().isEmpty() ? replies.render(ask.prompt())
				: !slot.prompt().isEmpty() ? replies.render(slot.prompt())
				: String.format(replies.phrase(Phrases.WHICH_SLOT), slot.name());
		replies.policed("prompt", prompt, null, flow);
		dialog.await(new Dialog.SlotQuestion(intent.name(), slot, prompt));
	}

	/**
	 * Hands the conversation, with its memory, to another agent: its triggers are armed, and it hears the
	 * handoff's intent, if any. The turn still reports the intent the driver meant to the agent they spoke to.
	 */
	private void handOff(StepIr.Handoff handoff) {
		AgentRuntime target = context.agentNamed(handoff.agent());
		if (target == null) {
			context.trace().note("no agent " + handoff.agent() + " to hand off to");
			replies.fallback(context.intent());
			return;
		}
		context.trace().transition("handoff " + context.agentId() + " -> " + target.ir().id()
				+ " with the conversation's memory");
		context.handedOffTo(target.ir().id());
		dialog.reset();
		context.handOverTo(target);
		triggers.arm();
		if (handoff.intent() != null) {
			String meant = context.intent();
			fusion.heard(handoff.intent());
			if (meant != null) {
				context.intent(meant);
			}
		}
	}
}
