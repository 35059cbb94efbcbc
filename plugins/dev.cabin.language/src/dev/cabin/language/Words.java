package dev.cabin.language;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How many words a reply has, and a reply cut to a number of words: the one rule behind {@code max words}, so
 * that the validator warns about a reply exactly when the engine would shorten it.
 *
 * <ul>
 * <li>Letters and digits written together are one word, also when one of {@code ' ’ . , - / : ° & _} joins
 * them: "it's", "e-mail", "km/h", "3.5", "1,000", "20°C", "10:30" and "A/C" each count one; "20 km/h" counts
 * two.</li>
 * <li>Han characters, hiragana and katakana, written without spaces, count one word per two characters,
 * rounded up for each run of them between other characters: "胎压正常" 2, "好" 1, "コーヒー" 2, "20度" 2.</li>
 * <li>Punctuation and symbols count nothing: "—", "...", "!", "。", "%" alone.</li>
 * <li>A template marker such as {@code {temp}} counts one word, as the value it stands for usually does; it
 * joins like a word: "{temp}°C" counts one.</li>
 * </ul>
 *
 * A reply is shortened to whole sentences while they fit, else to its first sentence cut after the last word
 * that fits, with an ellipsis.
 */
public final class Words {

	private static final String JOINERS = "'’.,-/:°&_";

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s*");

	/** Told where each word, or each character of a run of Han or kana, ends and how many words are before it. */
	private interface Boundaries {
		void wordEnds(int end, int words);
	}

	private Words() {
	}

	public static int count(String text) {
		return scan(text, (end, words) -> {
		});
	}

	/** The text within the limit ({@code text} itself when it fits). */
	public static String shorten(String text, int maxWords) {
		if (count(text) <= maxWords) {
			return text;
		}
		List<String> sentences = List.of(SENTENCE_END.split(text.strip()));
		StringBuilder kept = new StringBuilder();
		for (String sentence : sentences) {
			String candidate = kept.length() == 0 ? sentence
					: kept + (startsWithHanOrKana(sentence) ? "" : " ") + sentence;
			if (count(candidate) > maxWords) {
				break;
			}
			kept.setLength(0);
			kept.append(candidate);
		}
		if (kept.length() > 0) {
			return kept.toString();
		}
		return cut(sentences.get(0), maxWords);
	}

	private static String cut(String sentence, int maxWords) {
		int[] end = { 0 };
		scan(sentence, (wordEnd, words) -> {
			if (words <= maxWords) {
				end[0] = wordEnd;
			}
		});
		return sentence.substring(0, end[0]).replaceAll("[,;:，、]$", "") + "…";
	}

	/** Counts the words of the text, telling the boundaries where each ends. */
	private static int scan(String text, Boundaries boundaries) {
		int words = 0;
		int i = 0;
		while (i < text.length()) {
			if (isHanOrKana(text.codePointAt(i))) {
				int run = 0;
				while (i < text.length() && isHanOrKana(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
					run++;
					boundaries.wordEnds(i, words + (run + 1) / 2);
				}
				words += (run + 1) / 2;
			} else if (wordPartEnd(text, i) > i) {
				i = wordEnd(text, i);
				words++;
				boundaries.wordEnds(i, words);
			} else {
				i += Character.charCount(text.codePointAt(i));
			}
		}
		return words;
	}

	/** The end of the word that starts at {@code start}, joiners included. */
	private static int wordEnd(String text, int start) {
		int i = start;
		while (true) {
			int partEnd = wordPartEnd(text, i);
			if (partEnd > i) {
				i = partEnd;
			} else if (i > start && i < text.length() && JOINERS.indexOf(text.charAt(i)) >= 0
					&& wordPartEnd(text, i + 1) > i + 1) {
				i++;
			} else {
				return i;
			}
		}
	}

	/**
	 * The end of the letters, digits (with their combining marks) or template marker at {@code start}, or
	 * {@code start} if there are none.
	 */
	private static int wordPartEnd(String text, int start) {
		if (start < text.length() && text.charAt(start) == '{') {
			int close = text.indexOf('}', start + 1);
			int nested = text.indexOf('{', start + 1);
			return close >= 0 && (nested < 0 || nested > close) ? close + 1 : start;
		}
		int i = start;
		while (i < text.length()) {
			int codePoint = text.codePointAt(i);
			boolean letterOrDigit = Character.isLetterOrDigit(codePoint) && !isHanOrKana(codePoint);
			if (!letterOrDigit && (i == start || !isMark(codePoint))) {
				break;
			}
			i += Character.charCount(codePoint);
		}
		return i;
	}

	private static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean isHanOrKana(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		// the prolonged sound mark of katakana (コーヒー) belongs to no script
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || codePoint == 'ー' || codePoint == 'ｰ';
	}

	private static boolean startsWithHanOrKana(String text) {
		return !text.isEmpty() && isHanOrKana(text.codePointAt(0));
	}
}
