package dev.cabin.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counting and shortening replies for word limits. A Latin word counts one; in Chinese, which has no spaces,
 * every two Han characters count as one word (the average length of a Chinese word).
 */
final class Words {

	private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}'’.,:-]+");
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。！？])\\s*");

	private Words() {
	}

	static double count(String text) {
		double words = 0;
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			words += Character.UnicodeScript.of(matcher.group().codePointAt(0)) == Character.UnicodeScript.HAN ? 0.5
					: 1;
		}
		return words;
	}

	/**
	 * The text within the limit: whole sentences while they fit, else the first sentence cut at the limit
	 * with an ellipsis.
	 */
	static String shorten(String text, int maxWords) {
		if (count(text) <= maxWords) {
			return text;
		}
		List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(text.strip())));
		StringBuilder kept = new StringBuilder();
		for (String sentence : sentences) {
			String candidate = kept.length() == 0 ? sentence : kept + (isChinese(sentence) ? "" : " ") + sentence;
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
		Matcher matcher = TOKEN.matcher(sentence);
		double words = 0;
		int end = 0;
		while (matcher.find()) {
			double weight = Character.UnicodeScript.of(matcher.group().codePointAt(0)) == Character.UnicodeScript.HAN
					? 0.5 : 1;
			if (words + weight > maxWords) {
				break;
			}
			words += weight;
			end = matcher.end();
		}
		return sentence.substring(0, end).replaceAll("[,;:，、]$", "") + "…";
	}

	private static boolean isChinese(String text) {
		return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
	}
}
