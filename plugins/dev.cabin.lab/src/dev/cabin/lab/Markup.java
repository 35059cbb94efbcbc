package dev.cabin.lab;

/** Text inside HTML or XML reports. */
public final class Markup {

	private Markup() {
	}

	/** The text with the characters that markup reserves escaped, and control characters as spaces. */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
			case '<' -> out.append("&lt;");
			case '>' -> out.append("&gt;");
			case '&' -> out.append("&amp;");
			case '"' -> out.append("&quot;");
			default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
			}
		}
		return out.toString();
	}
}
