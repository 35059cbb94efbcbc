package dev.cabin.engine.ir;

import java.util.List;

/** An intent, the example utterances that define it and the slots its utterances carry. */
public record IntentIr(String name, List<ExampleIr> examples, List<SlotIr> slots) {

	public IntentIr {
		examples = List.copyOf(examples);
		slots = Ir.list(slots);
	}

	public SlotIr slot(String slotName) {
		return slots.stream().filter(s -> s.name().equals(slotName)).findFirst().orElse(null);
	}
}
