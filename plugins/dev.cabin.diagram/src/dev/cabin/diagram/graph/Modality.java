package dev.cabin.diagram.graph;

import java.util.Locale;

/** The modality of a trigger's event, as the grammar names it ({@code on voice ...}, {@code on gaze ...}). */
public enum Modality {
	VOICE, WAKE_WORD, GAZE, GESTURE, POSTURE, SIGNAL, TOUCH, TIMER;

	/** The short upper-case text of the modality's badge. */
	public String badge() {
		return this == WAKE_WORD ? "WAKE" : name();
	}

	/** The name used in SVG attributes: {@code voice}, {@code wake_word}, ... */
	public String cssName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
