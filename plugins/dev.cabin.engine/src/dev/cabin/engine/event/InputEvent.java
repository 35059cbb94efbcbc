package dev.cabin.engine.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened in the car that the engine reacts to, in any modality. The JSON form is one object
 * with a {@code type} ({@link EventJson}); simulators, scripts and conversation tests use the same form.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = InputEvent.Voice.class, name = "voice"),
		@JsonSubTypes.Type(value = InputEvent.Wake.class, name = "wake"),
		@JsonSubTypes.Type(value = InputEvent.PushToTalk.class, name = "ptt"),
		@JsonSubTypes.Type(value = InputEvent.Gaze.class, name = "gaze"),
		@JsonSubTypes.Type(value = InputEvent.Gesture.class, name = "gesture"),
		@JsonSubTypes.Type(value = InputEvent.Posture.class, name = "posture"),
		@JsonSubTypes.Type(value = InputEvent.Signal.class, name = "signal"),
		@JsonSubTypes.Type(value = InputEvent.Touch.class, name = "touch"),
		@JsonSubTypes.Type(value = InputEvent.Wait.class, name = "wait") })
public sealed interface InputEvent {

	/**
	 * The driver or a passenger said something (text from speech recognition, or typed in a simulator).
	 *
	 * @param text what was said
	 * @param locale the locale the recognizer heard, or {@code null} to let the engine decide
	 * @param confidence the speech recognizer's confidence, 1 for typed text
	 */
	record Voice(String text, String locale, Double confidence) implements InputEvent {
		public Voice {
			require(text, "text");
			confidence = confidence == null ? 1.0 : confidence;
			if (confidence < 0 || confidence > 1) {
				throw new IllegalArgumentException("\"confidence\" must be between 0 and 1");
			}
		}

		public Voice(String text) {
			this(text, null, 1.0);
		}
	}

	/** The wake word was heard (or the wake button pressed); the agent listens. */
	record Wake(String phrase) implements InputEvent {
	}

	/** Push-to-talk: the next utterance is for the agent, wake word or not. */
	record PushToTalk() implements InputEvent {
	}

	/** The occupant looked at a cabin zone (a VSS branch such as {@code Cabin.Sunroof}) for a while. */
	record Gaze(String zone, Long dwellMs) implements InputEvent {
		public Gaze {
			require(zone, "zone");
			dwellMs = dwellMs == null ? 0L : dwellMs;
		}
	}

	record Gesture(String gesture) implements InputEvent {
		public Gesture {
			require(gesture, "gesture");
		}
	}

	/** A posture or driver state from the driver monitoring system: Drowsy, Distracted, Attentive, ... */
	record Posture(String state) implements InputEvent {
		public Posture {
			require(state, "state");
		}
	}

	/** A vehicle signal changed: a VSS path and its new value (number, string or boolean). */
	record Signal(String path, Object value) implements InputEvent {
		public Signal {
			require(path, "path");
			if (value instanceof Number number) {
				value = number.doubleValue();
			} else if (!(value instanceof String) && !(value instanceof Boolean)) {
				throw new IllegalArgumentException("\"value\" must be a number, a string or a boolean");
			}
		}
	}

	/** A touch control was used: a button on the screen or the steering wheel. */
	record Touch(String control) implements InputEvent {
		public Touch {
			require(control, "control");
		}
	}

	/** Time passes (in simulations and tests): timers, debounces, fusion windows and timeouts move on. */
	record Wait(long ms) implements InputEvent {
		public Wait {
			if (ms < 0) {
				throw new IllegalArgumentException("\"ms\" must not be negative");
			}
		}
	}

	private static void require(String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing text field \"" + field + "\"");
		}
	}
}
