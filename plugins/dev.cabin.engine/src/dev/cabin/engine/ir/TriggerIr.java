package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What starts something in an agent: an event of some modality, and the action it leads to. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "modality")
@JsonSubTypes({ @JsonSubTypes.Type(value = TriggerIr.Voice.class, name = "voice") })
public sealed interface TriggerIr {

	ActionIr action();

	/** A recognized intent. */
	record Voice(String intent, ActionIr action) implements TriggerIr {
	}
}
