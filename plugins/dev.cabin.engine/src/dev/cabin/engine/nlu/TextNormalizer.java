package dev.cabin.engine.nlu;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings an utterance to the form that examples are compared in: compatibility forms folded (full-width
 * letters and digits become ASCII), lower case, punctuation removed, whitespace collapsed. Apostrophes
 * inside words stay, so "what's" and "whats" remain different words the embedding model knows.
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
					|| (c == '\'' && i > 0 && i + 1 < folded.length() && Character.isLetter(folded.charAt(i - 1))
							&& Character.isLetter(folded.charAt(i + 1)));
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
}
