package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a trigger does. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = ActionIr.StartFlow.class, name = "flow") })
public sealed interface ActionIr {

	/** Starts a flow of the same agent. */
	record StartFlow(String flow) implements ActionIr {
	}
}
