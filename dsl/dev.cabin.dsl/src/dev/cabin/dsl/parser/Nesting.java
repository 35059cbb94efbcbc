package dev.cabin.dsl.parser;

/** How deeply a text nests brackets and {@code not}s, read the way the Cabin lexer reads it. */
final class Nesting {

	private Nesting() {
	}

	/**
	 * The offset of the first bracket or {@code not} that nests deeper than the limit, or -1. Strings and
	 * comments do not count.
	 */
	static int firstBeyond(String text, int limit) {
		int depth = 0;
		int nots = 0;
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				i = afterString(text, i, c);
			} else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '/') {
				int end = text.indexOf('\n', i);
				i = end < 0 ? length : end + 1;
			} else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				i = end < 0 ? length : end + 2;
			} else if (c == '(' || c == '{' || c == '[') {
				depth++;
				if (depth + nots > limit) {
					return i;
				}
				i++;
			} else if (c == ')' || c == '}' || c == ']') {
				depth = Math.max(0, depth - 1);
				i++;
			} else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
					i++;
				}
				if (i - start == 3 && text.startsWith("not", start)) {
					nots++;
					if (depth + nots > limit) {
						return start;
					}
				} else {
					nots = 0;
				}
			} else {
				i++;
			}
		}
		return -1;
	}

	private static int afterString(String text, int start, char quote) {
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\') {
				i += 2;
			} else if (c == quote) {
				return i + 1;
			} else {
				i++;
			}
		}
		return text.length();
	}

	/** The text with everything from an offset on replaced by spaces, keeping line breaks (and so all offsets). */
	static String blankFrom(String text, int offset) {
		StringBuilder blanked = new StringBuilder(text.length());
		blanked.append(text, 0, offset);
		for (int i = offset; i < text.length(); i++) {
			char c = text.charAt(i);
			blanked.append(c == '\n' || c == '\r' ? c : ' ');
		}
		return blanked.toString();
	}
}
