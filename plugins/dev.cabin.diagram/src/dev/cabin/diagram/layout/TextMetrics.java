package dev.cabin.diagram.layout;

/**
 * Text widths estimated from character classes instead of measured with a font: the layout must not
 * depend on the fonts of the machine (the same model gives the same SVG everywhere), and the estimate is
 * generous so that text drawn with common sans-serif fonts fits its box.
 */
public final class TextMetrics {

	private TextMetrics() {
	}

	/** The estimated width of the text drawn at the font size (in pixels). */
	public static double width(String text, double fontSize, boolean bold) {
		double ems = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			ems += ems(codePoint, bold);
			i += Character.charCount(codePoint);
		}
		return ems * fontSize;
	}

	/**
	 * The text, shortened with an ellipsis if it is wider than the maximum; line breaks and runs of white
	 * space become one space.
	 */
	public static String fit(String text, double fontSize, boolean bold, double maxWidth) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		if (width(oneLine, fontSize, bold) <= maxWidth) {
			return oneLine;
		}
		double budget = maxWidth - width("…", fontSize, bold);
		double used = 0;
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < oneLine.length();) {
			int codePoint = oneLine.codePointAt(i);
			used += ems(codePoint, bold) * fontSize;
			if (used > budget) {
				break;
			}
			kept.appendCodePoint(codePoint);
			i += Character.charCount(codePoint);
		}
		return kept.toString().stripTrailing() + "…";
	}

	/** Widths in ems, measured against DejaVu Sans (one of the widest common sans-serif fonts). */
	private static double ems(int codePoint, boolean bold) {
		if (isWide(codePoint)) {
			return 1.0;
		}
		double ems;
		if ("ijlf.,;:'!| ".indexOf(codePoint) >= 0) {
			ems = 0.34;
		} else if ("()[]tr".indexOf(codePoint) >= 0) {
			ems = 0.42;
		} else if (codePoint == 'm' || codePoint == 'w' || codePoint == '@') {
			ems = 0.9;
		} else if (codePoint == 'M' || codePoint == 'W') {
			ems = 0.95;
		} else if (Character.isUpperCase(codePoint)) {
			ems = 0.72;
		} else if (Character.isDigit(codePoint)) {
			ems = 0.64;
		} else {
			ems = 0.62;
		}
		return bold ? ems * 1.16 : ems;
	}

	/** East Asian wide and full-width characters take a full em. */
	private static boolean isWide(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
	}
}
