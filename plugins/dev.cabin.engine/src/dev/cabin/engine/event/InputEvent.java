package dev.cabin.engine.event;

/** Something that happened in the car that the engine reacts to. */
public sealed interface InputEvent {

	/**
	 * The driver or a passenger said something (text from speech recognition, or typed in a simulator).
	 *
	 * @param text what was said
	 * @param locale the locale the recognizer heard, or {@code null} to let the engine decide
	 * @param confidence the speech recognizer's confidence, 1 for typed text
	 */
	record Voice(String text, String locale, double confidence) implements InputEvent {
		public Voice(String text) {
			this(text, null, 1.0);
		}
	}
}
