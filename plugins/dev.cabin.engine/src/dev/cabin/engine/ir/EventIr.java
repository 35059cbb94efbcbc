package dev.cabin.engine.ir;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The event side of a trigger: what the engine waits for, per modality. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "modality")
@JsonSubTypes({ @JsonSubTypes.Type(value = EventIr.Voice.class, name = "voice"),
		@JsonSubTypes.Type(value = EventIr.Wake.class, name = "wake"),
		@JsonSubTypes.Type(value = EventIr.Gaze.class, name = "gaze"),
		@JsonSubTypes.Type(value = EventIr.Gesture.class, name = "gesture"),
		@JsonSubTypes.Type(value = EventIr.Posture.class, name = "posture"),
		@JsonSubTypes.Type(value = EventIr.Signal.class, name = "signal"),
		@JsonSubTypes.Type(value = EventIr.Touch.class, name = "touch"),
		@JsonSubTypes.Type(value = EventIr.Timer.class, name = "timer") })
public sealed interface EventIr {

	/** An utterance recognized as this intent. */
	record Voice(String intent) implements EventIr {
	}

	/** The wake word. */
	record Wake() implements EventIr {
	}

	/** A look at a cabin zone (or a zone inside it) for at least {@code dwellMs}. */
	record Gaze(String zone, long dwellMs) implements EventIr {
	}

	record Gesture(String gesture) implements EventIr {
	}

	/** A posture or driver state from the driver monitoring system. */
	record Posture(String state) implements EventIr {
	}

	/**
	 * A signal condition that becomes true and stays true for {@code debounceMs}; it fires again only after
	 * the signal came back past the threshold by {@code hysteresis}.
	 */
	record Signal(ExprIr.Compare condition, long debounceMs, double hysteresis) implements EventIr {
	}

	record Touch(String control) implements EventIr {
	}

	/** Time: once after {@code periodMs}, or every {@code periodMs}, counted from the session's start. */
	record Timer(boolean repeating, long periodMs) implements EventIr {
	}
}
