package dev.cabin.engine;

import java.util.HashMap;
import java.util.Map;

import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.TriggerIr;

/**
 * What time and signals fire: the agent's timers, and its signal triggers once their condition has held for
 * the debounce time. A signal trigger that fired is disarmed until its signal comes back past the threshold
 * by the hysteresis, so that a value hovering at the threshold does not fire it again and again.
 */
final class TriggerClock {

	private static final class SignalState {
		boolean armed = true;
		long trueSince = -1;
	}

	private final TurnContext context;
	private final Clock clock;
	private final Fusion fusion;
	private final Map<EventIr.Signal, SignalState> signals = new HashMap<>();
	private final Map<EventIr.Timer, Long> timers = new HashMap<>();

	TriggerClock(TurnContext context, Clock clock, Fusion fusion) {
		this.context = context;
		this.clock = clock;
		this.fusion = fusion;
	}

	/** Watches the signals and starts the timers of the current agent's triggers, and no others. */
	void arm() {
		signals.clear();
		timers.clear();
		for (TriggerIr trigger : context.ir().triggers()) {
			for (EventIr event : new EventIr[] { trigger.event(), trigger.partner() }) {
				if (event instanceof EventIr.Signal signal) {
					signals.putIfAbsent(signal, new SignalState());
				} else if (event instanceof EventIr.Timer timer && timer.periodMs() > 0) {
					timers.putIfAbsent(timer, clock.now() + timer.periodMs());
				}
			}
		}
	}

	/** Signal triggers whose condition already holds count as fired, so that only a change fires them. */
	void disarmHolding() {
		for (Map.Entry<EventIr.Signal, SignalState> entry : signals.entrySet()) {
			if (context.evaluator().test(entry.getKey().condition())) {
				entry.getValue().armed = false;
			}
		}
	}

	/** What time alone fires: actuators move, debounced signals and due timers fire. */
	void tick(long now) {
		context.vehicle().advanceTo(now);
		checkSignals();
		for (Map.Entry<EventIr.Timer, Long> timer : timers.entrySet()) {
			if (timer.getValue() <= now) {
				timer.setValue(timer.getKey().repeating() ? timer.getValue() + timer.getKey().periodMs() : Long.MAX_VALUE);
				fusion.occur(new Fusion.Occurrence(null, null, timer.getKey(), now));
			}
		}
	}

	void checkSignals() {
		long now = clock.now();
		for (Map.Entry<EventIr.Signal, SignalState> entry : signals.entrySet()) {
			EventIr.Signal signal = entry.getKey();
			SignalState state = entry.getValue();
			if (context.evaluator().test(signal.condition())) {
				if (!state.armed) {
					continue;
				}
				if (state.trueSince < 0) {
					state.trueSince = now;
				}
				if (now - state.trueSince >= signal.debounceMs()) {
					state.armed = false;
					state.trueSince = -1;
					context.trace().transition("signal condition held for " + signal.debounceMs() + " ms");
					fusion.occur(new Fusion.Occurrence(null, null, signal, now));
				}
			} else {
				state.trueSince = -1;
				if (!state.armed && backPastHysteresis(signal)) {
					state.armed = true;
				}
			}
		}
	}

	/** Whether the signal came back past the threshold by the hysteresis, so the trigger may fire again. */
	private boolean backPastHysteresis(EventIr.Signal signal) {
		ExprIr.Compare condition = signal.condition();
		Object value = context.evaluator().value(condition.left());
		Object threshold = context.evaluator().value(condition.right());
		if (signal.hysteresis() == 0 || !(value instanceof Number v) || !(threshold instanceof Number t)) {
			return true;
		}
		return switch (condition.op()) {
		case ">", ">=" -> v.doubleValue() <= t.doubleValue() - signal.hysteresis();
		case "<", "<=" -> v.doubleValue() >= t.doubleValue() + signal.hysteresis();
		default -> true;
		};
	}
}
