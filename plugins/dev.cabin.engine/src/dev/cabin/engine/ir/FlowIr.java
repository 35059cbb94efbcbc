package dev.cabin.engine.ir;

import java.util.List;

/** A flow: the steps the agent runs, in order, from the first. */
public record FlowIr(String name, List<StepIr> steps) {

	public FlowIr {
		steps = List.copyOf(steps);
	}
}
