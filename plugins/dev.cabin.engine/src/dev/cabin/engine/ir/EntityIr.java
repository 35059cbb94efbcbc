package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

/** An enumerated entity type: its values and their synonyms per locale. */
public record EntityIr(String name, List<Value> values) {

	public EntityIr {
		values = List.copyOf(values);
	}

	/** One value; its own name counts as a synonym in every locale. */
	public record Value(String name, Map<String, List<String>> synonyms) {
		public Value {
			synonyms = Ir.ordered(synonyms);
		}
	}
}
