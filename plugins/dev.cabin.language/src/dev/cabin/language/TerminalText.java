package dev.cabin.language;

/**
 * Text from users' data made safe to show on a terminal: no control character reaches it, so a file name or an
 * answer cannot forge a line of output, move the cursor, recolour or clear the screen, or retitle the window.
 * Control characters are C0 (but for tab and line feed in free text), DEL and C1; in names, also the bidi
 * controls that can make text read in another order than it runs.
 */
public final class TerminalText {

	private TerminalText() {
	}

	/**
	 * A name (a file name, an event type, a value quoted in a message) on one line, every control character
	 * written visibly: {@code \n}, {@code \r}, {@code \t}, others as {@code \u001b}.
	 */
	public static String escaped(Object name) {
		String text = String.valueOf(name);
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (control(c) || bidiControl(c)) {
					out.append(String.format("\\u%04x", c));
				} else {
					out.appendCodePoint(c);
				}
			}
			}
		});
		return out.toString();
	}

	/** Free text (an agent's reply) as it reads: lines and tabs kept, every other control character left out. */
	public static String printable(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(c -> c == '\n' || c == '\t' || !control(c)).forEach(out::appendCodePoint);
		return out.toString();
	}

	private static boolean control(int c) {
		return c < 0x20 || c >= 0x7f && c <= 0x9f;
	}

	private static boolean bidiControl(int c) {
		return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
	}
}
