package dev.cabin.engine.ir;

import java.util.Map;

/** A slot of an intent: a value the utterance may carry, or that a flow asks for. */
public record SlotIr(String name, TypeIr type, boolean required, Map<String, String> prompt) {

	public SlotIr {
		prompt = Ir.ordered(prompt);
	}
}
