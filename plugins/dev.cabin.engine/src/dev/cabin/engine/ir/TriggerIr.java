package dev.cabin.engine.ir;

/**
 * What starts something in an agent: an event of some modality, optionally fused with an event of another
 * modality that happens within a time window (either one first), optionally guarded by a condition.
 *
 * @param partner the fused event, or {@code null}
 * @param windowMs how far apart the two events may be, when fused
 * @param guard a condition that must hold when the trigger fires, or {@code null}
 */
public record TriggerIr(EventIr event, EventIr partner, long windowMs, ExprIr guard, ActionIr action) {

	public static TriggerIr on(EventIr event, ActionIr action) {
		return new TriggerIr(event, null, 0, null, action);
	}

	public boolean fused() {
		return partner != null;
	}
}
