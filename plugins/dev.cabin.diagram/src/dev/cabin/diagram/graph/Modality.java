package dev.cabin.diagram.graph;

import java.util.Locale;

/** The modality of a trigger's event, as the grammar names it ({@code on voice ...}, {@code on gaze ...}). */
public enum Modality {
	VOICE("voice"), WAKE_WORD("wake word"), GAZE("gaze"), GESTURE("gesture"), POSTURE("posture"),
	SIGNAL("signal"), TOUCH("touch"), TIMER("timer");

	private final String keyword;

	Modality(String keyword) {
		this.keyword = keyword;
	}

	/** The keyword as written in a .cabin file. */
	public String keyword() {
		return keyword;
	}

	/** The short upper-case text of the modality's badge. */
	public String badge() {
		return this == WAKE_WORD ? "WAKE" : name();
	}

	/** The name used in SVG attributes: {@code voice}, {@code wake_word}, ... */
	public String cssName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The modality with the given CSS or keyword name, or {@code null}. */
	public static Modality named(String name) {
		for (Modality modality : values()) {
			if (modality.cssName().equals(name) || modality.keyword.equals(name)) {
				return modality;
			}
		}
		return null;
	}
}
