package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a trigger does. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = ActionIr.StartFlow.class, name = "flow"),
		@JsonSubTypes.Type(value = ActionIr.AsIntent.class, name = "intent"),
		@JsonSubTypes.Type(value = ActionIr.Call.class, name = "call") })
public sealed interface ActionIr {

	/** Starts a flow of the same agent. */
	record StartFlow(String flow) implements ActionIr {
	}

	/** Handles the event as if the intent had been spoken. */
	record AsIntent(String intent) implements ActionIr {
	}

	/** Calls a tool. */
	record Call(CallIr call) implements ActionIr {
	}
}
