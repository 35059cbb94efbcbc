package dev.cabin.language;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings an utterance to the form that examples are compared in: compatibility forms folded (full-width
 * letters and digits become ASCII), lower case, punctuation removed, whitespace collapsed. Apostrophes
 * inside words stay, so "what's" and "whats" remain different words the embedding model knows, and so do
 * decimal points ("21.5 degrees").
 */
public final class TextNormalizer {

	private TextNormalizer() {
	}

	public static String normalize(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		boolean pendingSpace = false;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			boolean keep = Character.isLetterOrDigit(c) || c == '{' || c == '}' || c == '_'
					|| (c == '\'' && between(folded, i, Character::isLetter))
					|| (c == '.' && between(folded, i, Character::isDigit));
			if (keep) {
				if (pendingSpace && out.length() > 0) {
					out.append(' ');
				}
				pendingSpace = false;
				out.append(c);
			} else {
				pendingSpace = true;
			}
		}
		return out.toString();
	}

	/** Whether the characters on both sides of position i pass the test ("what's", "21.5"). */
	private static boolean between(String text, int i, java.util.function.IntPredicate test) {
		return i > 0 && i + 1 < text.length() && test.test(text.charAt(i - 1)) && test.test(text.charAt(i + 1));
	}
}
