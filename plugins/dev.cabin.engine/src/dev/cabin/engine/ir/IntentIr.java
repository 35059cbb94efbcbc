package dev.cabin.engine.ir;

import java.util.List;

/** An intent and the example utterances that define it. */
public record IntentIr(String name, List<ExampleIr> examples) {

	public IntentIr {
		examples = List.copyOf(examples);
	}
}
