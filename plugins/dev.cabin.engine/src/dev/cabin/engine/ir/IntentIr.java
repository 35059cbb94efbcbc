package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An intent, the example utterances that define it and the slots its utterances carry.
 *
 * @param confidence how sure the recognizer must be before the agent acts on it ({@code normal} when left out)
 * @param ask the question the agent asks when it is not sure enough, per locale; empty for the engine's phrase
 */
public record IntentIr(String name, List<ExampleIr> examples, List<SlotIr> slots, Confidence confidence,
		Map<String, String> ask) {

	@JsonCreator
	public IntentIr {
		examples = List.copyOf(examples);
		slots = Ir.list(slots);
		confidence = confidence == null ? Confidence.NORMAL : confidence;
		ask = Ir.ordered(ask);
	}

	/** An intent of normal confidence, asked about in the engine's words. */
	public IntentIr(String name, List<ExampleIr> examples, List<SlotIr> slots) {
		this(name, examples, slots, Confidence.NORMAL, Map.of());
	}

	public SlotIr slot(String slotName) {
		return slots.stream().filter(s -> s.name().equals(slotName)).findFirst().orElse(null);
	}
}
