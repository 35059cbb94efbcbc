package dev.cabin.compiler;

import static dev.cabin.compiler.Durations.millis;
import static dev.cabin.compiler.ExpressionCompiler.arguments;
import static dev.cabin.compiler.ExpressionCompiler.literal;
import static dev.cabin.compiler.SourcePositions.line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.dsl.cabin.ConversationTest;
import dev.cabin.dsl.cabin.ExpectCall;
import dev.cabin.dsl.cabin.ExpectConfirm;
import dev.cabin.dsl.cabin.ExpectEnd;
import dev.cabin.dsl.cabin.ExpectFallback;
import dev.cabin.dsl.cabin.ExpectFalseAccepts;
import dev.cabin.dsl.cabin.ExpectFlow;
import dev.cabin.dsl.cabin.ExpectHandoff;
import dev.cabin.dsl.cabin.ExpectIntent;
import dev.cabin.dsl.cabin.ExpectReply;
import dev.cabin.dsl.cabin.GazeInput;
import dev.cabin.dsl.cabin.GestureInput;
import dev.cabin.dsl.cabin.Given;
import dev.cabin.dsl.cabin.PostureInput;
import dev.cabin.dsl.cabin.SignalAssignment;
import dev.cabin.dsl.cabin.SignalInput;
import dev.cabin.dsl.cabin.TestStep;
import dev.cabin.dsl.cabin.TouchInput;
import dev.cabin.dsl.cabin.VoiceInput;
import dev.cabin.dsl.cabin.WaitInput;
import dev.cabin.dsl.cabin.WakeInput;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.TestIr;
import dev.cabin.engine.ir.ValueIr;

/** Conversation tests, each step with its source line so that a failure points at it. */
final class TestCompiler {

	private TestCompiler() {
	}

	static TestIr test(ConversationTest test) {
		List<TestIr.Step> steps = new ArrayList<>();
		for (TestStep step : test.getSteps()) {
			steps.add(step(step));
		}
		return new TestIr(test.getName(), SourcePositions.sourceOf(test), line(test), steps);
	}

	private static TestIr.Step step(TestStep step) {
		int line = line(step);
		if (step instanceof Given given) {
			if (given.getDriverState() != null) {
				return new TestIr.Step.GivenDriver(given.getDriverState(), line);
			}
			if (given.getLocale() != null) {
				return new TestIr.Step.GivenLocale(given.getLocale(), line);
			}
			Map<String, ValueIr> signals = new LinkedHashMap<>();
			for (SignalAssignment assignment : given.getAssignments()) {
				signals.put(assignment.getPath(), literal(assignment.getValue()));
			}
			return new TestIr.Step.GivenSignals(signals, line);
		}
		if (step instanceof ExpectIntent expect) {
			return new TestIr.Step.ExpectIntent(expect.getIntent().getName(), line);
		}
		if (step instanceof ExpectReply expect) {
			return new TestIr.Step.ExpectReply(expect.isContains(), expect.getText(), line);
		}
		if (step instanceof ExpectCall expect) {
			return new TestIr.Step.ExpectCall(expect.getTool().getName(), arguments(expect.getArgs()), expect.isNone(),
					line);
		}
		if (step instanceof ExpectFlow expect) {
			return new TestIr.Step.ExpectFlow(expect.getFlow().getName(), line);
		}
		if (step instanceof ExpectHandoff expect) {
			return new TestIr.Step.ExpectHandoff(expect.getAgent().getName(), line);
		}
		if (step instanceof ExpectFallback) {
			return new TestIr.Step.ExpectFallback(line);
		}
		if (step instanceof ExpectConfirm) {
			return new TestIr.Step.ExpectConfirm(line);
		}
		if (step instanceof ExpectEnd) {
			return new TestIr.Step.ExpectEnd(line);
		}
		if (step instanceof ExpectFalseAccepts expect) {
			return new TestIr.Step.ExpectFalseAccepts(Double.parseDouble(expect.getPercent()) / 100, line);
		}
		return new TestIr.Step.Input(input(step), line);
	}

	private static InputEvent input(TestStep step) {
		if (step instanceof VoiceInput voice) {
			return new InputEvent.Voice(voice.getText(), voice.getLocale(), 1.0);
		}
		if (step instanceof WakeInput wake) {
			return new InputEvent.Wake(wake.getPhrase());
		}
		if (step instanceof GazeInput gaze) {
			return new InputEvent.Gaze(gaze.getZone(), gaze.getDwell() == null ? 0 : millis(gaze.getDwell()));
		}
		if (step instanceof GestureInput gesture) {
			return new InputEvent.Gesture(gesture.getGesture());
		}
		if (step instanceof PostureInput posture) {
			return new InputEvent.Posture(posture.getState());
		}
		if (step instanceof SignalInput signal) {
			return new InputEvent.Signal(signal.getAssignment().getPath(),
					literal(signal.getAssignment().getValue()).engineValue());
		}
		if (step instanceof TouchInput touch) {
			return new InputEvent.Touch(touch.getControl());
		}
		if (step instanceof WaitInput wait) {
			return new InputEvent.Wait(millis(wait.getDuration()));
		}
		throw new CompileException(SourcePositions.location(step) + ": no IR for " + step.eClass().getName());
	}
}
