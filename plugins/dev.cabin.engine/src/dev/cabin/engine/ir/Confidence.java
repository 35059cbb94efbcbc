package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sure the recognizer must be before the agent acts on an intent. The compiler writes every intent's level:
 * the author's, else {@link #HIGH} for an intent whose flows set an actuator or call a tool and {@link #NORMAL}
 * for one that only answers.
 */
public enum Confidence {

	/** Acts from the classifier's acting boundary on; between the out-of-scope threshold and it, asks first. */
	@JsonProperty("high")
	HIGH,

	/** Acts on whatever is in scope. */
	@JsonProperty("normal")
	NORMAL,

	/** Acts on whatever is in scope, and asks rather than says the fallback just below the threshold. */
	@JsonProperty("low")
	LOW;
}
