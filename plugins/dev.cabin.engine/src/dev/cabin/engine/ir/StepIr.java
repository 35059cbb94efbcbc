package dev.cabin.engine.ir;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One step of a flow. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = StepIr.Say.class, name = "say"),
		@JsonSubTypes.Type(value = StepIr.End.class, name = "end") })
public sealed interface StepIr {

	/** Says a text, chosen by the session's locale. */
	record Say(Map<String, String> text) implements StepIr {
		public Say {
			text = Map.copyOf(text);
		}
	}

	/** Ends the flow. */
	record End() implements StepIr {
	}
}
