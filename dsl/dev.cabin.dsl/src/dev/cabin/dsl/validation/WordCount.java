package dev.cabin.dsl.validation;

/**
 * How many words a reply has, for the {@code max words} rule of policies. Words are separated by white space;
 * a run of Chinese or Japanese characters (written without spaces) counts one word per two characters,
 * the average length of a Chinese word; a template marker such as {@code {temp}} is one word.
 */
public final class WordCount {

	private WordCount() {
	}

	public static int of(String text) {
		int words = 0;
		boolean inWord = false;
		int cjkRun = 0;
		for (int i = 0; i < text.length(); ) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (isCjk(codePoint)) {
				if (inWord) {
					words++;
					inWord = false;
				}
				cjkRun++;
				continue;
			}
			words += (cjkRun + 1) / 2;
			cjkRun = 0;
			if (Character.isWhitespace(codePoint) || isCjkPunctuation(codePoint)) {
				if (inWord) {
					words++;
				}
				inWord = false;
			} else if (Character.isLetterOrDigit(codePoint) || codePoint == '{') {
				inWord = true;
			}
		}
		return words + (cjkRun + 1) / 2 + (inWord ? 1 : 0);
	}

	private static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

	private static boolean isCjkPunctuation(int codePoint) {
		return Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
	}
}
