package dev.cabin.compiler;

import static dev.cabin.compiler.Durations.millis;
import static dev.cabin.compiler.ExpressionCompiler.call;
import static dev.cabin.compiler.ExpressionCompiler.expression;

import java.util.ArrayList;
import java.util.List;

import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.Block;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.Case;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.End;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.GestureEvent;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.IntentAction;
import dev.cabin.dsl.cabin.Policy;
import dev.cabin.dsl.cabin.PostureEvent;
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.SignalEvent;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.TimerEvent;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.TouchEvent;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.TriggerAction;
import dev.cabin.dsl.cabin.TriggerEvent;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.cabin.WakeWordEvent;
import dev.cabin.dsl.policy.PolicyRules;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.ir.ValueIr;

/** What an agent does: its triggers, its flows step by step, and the policies that restrict them. */
final class FlowCompiler {

	private final LocalizedTexts localized;

	FlowCompiler(LocalizedTexts localized) {
		this.localized = localized;
	}

	TriggerIr trigger(Trigger trigger) {
		return new TriggerIr(event(trigger.getEvent()), trigger.getPartner() == null ? null : event(trigger.getPartner()),
				trigger.getWindow() == null ? 0 : millis(trigger.getWindow()),
				trigger.getGuard() == null ? null : expression(trigger.getGuard()), action(trigger.getAction()));
	}

	private EventIr event(TriggerEvent event) {
		if (event instanceof VoiceEvent voice) {
			return new EventIr.Voice(voice.getIntent().getName());
		}
		if (event instanceof WakeWordEvent) {
			return new EventIr.Wake();
		}
		if (event instanceof GazeEvent gaze) {
			return new EventIr.Gaze(gaze.getZone(), gaze.getDwell() == null ? 0 : millis(gaze.getDwell()));
		}
		if (event instanceof GestureEvent gesture) {
			return new EventIr.Gesture(gesture.getGesture());
		}
		if (event instanceof PostureEvent posture) {
			return new EventIr.Posture(posture.getState());
		}
		if (event instanceof SignalEvent signal) {
			ExprIr condition = expression(signal.getCondition());
			ExprIr.Compare comparison = condition instanceof ExprIr.Compare compare ? compare
					: new ExprIr.Compare(condition, "==", new ExprIr.Literal(ValueIr.of(true)));
			return new EventIr.Signal(comparison, signal.getDebounce() == null ? 0 : millis(signal.getDebounce()),
					signal.getHysteresis() == null ? 0 : Double.parseDouble(signal.getHysteresis().getValue()));
		}
		if (event instanceof TouchEvent touch) {
			return new EventIr.Touch(touch.getControl());
		}
		TimerEvent timer = (TimerEvent) event;
		return new EventIr.Timer(timer.isRepeating(), millis(timer.getPeriod()));
	}

	private ActionIr action(TriggerAction action) {
		if (action instanceof FlowAction flow) {
			return new ActionIr.StartFlow(flow.getFlow().getName());
		}
		if (action instanceof IntentAction intent) {
			return new ActionIr.AsIntent(intent.getIntent().getName());
		}
		return new ActionIr.Call(call(((CallAction) action).getCall()));
	}

	FlowIr flow(Flow flow) {
		return new FlowIr(flow.getName(), steps(flow.getSteps()));
	}

	private List<StepIr> steps(List<Step> steps) {
		return steps.stream().map(this::step).toList();
	}

	private List<StepIr> block(Block block) {
		return block == null ? List.of() : steps(block.getSteps());
	}

	private StepIr step(Step step) {
		if (step instanceof Say say) {
			return new StepIr.Say(localized.of(say.getTexts()), localized.of(say.getOtherwise()), localized.of(say.getScreen()));
		}
		if (step instanceof Ask ask) {
			Slot slot = ask.getSlot();
			return new StepIr.Ask(((Intent) slot.eContainer()).getName(), slot.getName(), localized.of(ask.getPrompt()));
		}
		if (step instanceof Confirm confirm) {
			return new StepIr.Confirm(localized.of(confirm.getTexts()), block(confirm.getYes()), block(confirm.getNo()));
		}
		if (step instanceof Branch branch) {
			List<StepIr.Case> cases = new ArrayList<>();
			for (Case branchCase : branch.getCases()) {
				cases.add(new StepIr.Case(expression(branchCase.getCondition()), block(branchCase.getBody())));
			}
			return new StepIr.Branch(cases, block(branch.getOtherwise()));
		}
		if (step instanceof CallStep call) {
			return new StepIr.Call(call(call.getCall()));
		}
		if (step instanceof Generate generate) {
			return new StepIr.Generate(localized.of(generate.getInstructions()), localized.of(generate.getFallback()),
					generate.getMaxWords() > 0 ? generate.getMaxWords() : null);
		}
		if (step instanceof Handoff handoff) {
			return new StepIr.Handoff(handoff.getAgent().getName(),
					handoff.getIntent() == null ? null : handoff.getIntent().getName());
		}
		if (step instanceof RunFlow run) {
			return new StepIr.Run(run.getFlow().getName());
		}
		if (step instanceof End) {
			return new StepIr.End();
		}
		throw new CompileException(SourcePositions.location(step) + ": no IR for " + step.eClass().getName());
	}

	PolicyIr policy(Policy policy) {
		PolicyRules rules = PolicyRules.of(policy);
		return new PolicyIr(policy.getName(), expression(policy.getCondition()), rules.maxWords(),
				rules.noScreenText(), rules.confirmActuators(), rules.deniedTools().stream().map(Tool::getName).toList());
	}
}
