package dev.cabin.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.TriggerIr;

/**
 * Fires the triggers that what happens completes. Remembers recent occurrences for fused triggers (two events
 * within a window) and holds an utterance that a fused trigger may still complete; a fused trigger wins over
 * the triggers of one of its events alone. What a fired trigger does is left to the session.
 */
final class Fusion {

	/** Fusion remembers this many recent events. */
	static final int RECENT_EVENTS = 32;

	/** Something that happened, as fused triggers match it: an event, an intent heard, a signal or a timer. */
	record Occurrence(InputEvent event, String intent, EventIr pattern, long at) {
	}

	private final TurnContext context;
	private final Replies replies;
	private final Clock clock;
	private final Consumer<ActionIr> actions;
	private final Deque<Occurrence> recent = new ArrayDeque<>();
	private Occurrence heldVoice;

	Fusion(TurnContext context, Replies replies, Clock clock, Consumer<ActionIr> actions) {
		this.context = context;
		this.replies = replies;
		this.clock = clock;
		this.actions = actions;
	}

	/** An intent was heard (or meant by another modality): fire its triggers, or hold it for a fused one. */
	void heard(String intent) {
		context.intent(intent);
		Occurrence occurrence = new Occurrence(null, intent, null, clock.now());
		if (occur(occurrence)) {
			return;
		}
		for (TriggerIr trigger : context.ir().triggers()) {
			if (trigger.fused() && (matches(trigger.event(), occurrence) || matches(trigger.partner(), occurrence))) {
				heldVoice = occurrence;
				context.trace().transition("holding " + intent + " for " + trigger.windowMs() + " ms to fuse it");
				return;
			}
		}
		replies.fallback(intent);
	}

	/**
	 * Fires the triggers this occurrence completes; whether any fired. A fused trigger that the occurrence
	 * completes wins over the triggers of the occurrence alone.
	 */
	boolean occur(Occurrence occurrence) {
		for (TriggerIr trigger : context.ir().triggers()) {
			if (!trigger.fused()) {
				continue;
			}
			EventIr other = matches(trigger.event(), occurrence) ? trigger.partner()
					: matches(trigger.partner(), occurrence) ? trigger.event() : null;
			Occurrence partner = other == null ? null : recentMatch(other, occurrence.at() - trigger.windowMs());
			if (partner != null && guardHolds(trigger)) {
				recent.remove(partner);
				if (partner == heldVoice) {
					heldVoice = null;
				}
				if (partner.intent() != null) {
					context.intent(partner.intent());
				}
				context.trace().transition("fused " + describe(trigger.event()) + " with " + describe(trigger.partner())
						+ " (" + (occurrence.at() - partner.at()) + " ms apart)");
				fire(trigger);
				return true;
			}
		}
		boolean fired = false;
		for (TriggerIr trigger : context.ir().triggers()) {
			if (!trigger.fused() && matches(trigger.event(), occurrence) && guardHolds(trigger)) {
				context.trace().transition("trigger " + describe(trigger.event()) + " fired");
				fire(trigger);
				fired = true;
			}
		}
		if (!fired) {
			recent.addFirst(occurrence);
			while (recent.size() > RECENT_EVENTS) {
				recent.removeLast();
			}
		}
		return fired;
	}

	/** An utterance held longer than any fusion window is not fused any more: the agent did not understand. */
	void expireHeldVoice(long now) {
		if (heldVoice != null && now - heldVoice.at() > longestFusionWindow()) {
			context.trace().transition("no partner for " + heldVoice.intent() + " in time");
			recent.remove(heldVoice);
			String intent = heldVoice.intent();
			heldVoice = null;
			replies.fallback(intent);
		}
	}

	private long longestFusionWindow() {
		return context.ir().triggers().stream().filter(TriggerIr::fused).mapToLong(TriggerIr::windowMs).max().orElse(0);
	}

	private Occurrence recentMatch(EventIr pattern, long notBefore) {
		for (Occurrence occurrence : recent) {
			if (occurrence.at() >= notBefore && matches(pattern, occurrence)) {
				return occurrence;
			}
		}
		return null;
	}

	private static boolean matches(EventIr pattern, Occurrence occurrence) {
		InputEvent event = occurrence.event();
		if (pattern instanceof EventIr.Voice voice) {
			return voice.intent().equals(occurrence.intent());
		}
		if (pattern instanceof EventIr.Wake) {
			return event instanceof InputEvent.Wake;
		}
		if (pattern instanceof EventIr.Gaze gaze) {
			return event instanceof InputEvent.Gaze looked
					&& (looked.zone().equals(gaze.zone()) || looked.zone().startsWith(gaze.zone() + "."))
					&& looked.dwellMs() >= gaze.dwellMs();
		}
		if (pattern instanceof EventIr.Gesture gesture) {
			return event instanceof InputEvent.Gesture made && made.gesture().equalsIgnoreCase(gesture.gesture());
		}
		if (pattern instanceof EventIr.Posture posture) {
			return event instanceof InputEvent.Posture state && state.state().equalsIgnoreCase(posture.state());
		}
		if (pattern instanceof EventIr.Touch touch) {
			return event instanceof InputEvent.Touch touched && touched.control().equals(touch.control());
		}
		return pattern.equals(occurrence.pattern());
	}

	private boolean guardHolds(TriggerIr trigger) {
		if (trigger.guard() == null || context.evaluator().test(trigger.guard())) {
			return true;
		}
		context.trace().transition("trigger " + describe(trigger.event()) + " not fired: its guard is false");
		return false;
	}

	private static String describe(EventIr event) {
		String text = event.toString();
		return text.substring(0, Math.min(text.length(), 120));
	}

	private void fire(TriggerIr trigger) {
		List<TriggerIr> triggers = context.ir().triggers();
		for (int index = 0; index < triggers.size(); index++) {
			if (triggers.get(index) == trigger) { // by identity: two triggers may be written alike
				context.trace().triggerFired(context.agentId(), index);
			}
		}
		actions.accept(trigger.action());
	}
}
