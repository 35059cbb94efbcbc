package dev.cabin.engine.nlu;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people say them: digits ("22.5"), English words ("twenty two", "a hundred") and Chinese
 * numerals ("二十二", "两百", "三点五").
 */
public final class Numbers {

	private static final Map<String, Integer> ENGLISH = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("a", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
			Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
			Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
			Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
			Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("half", 0));

	private static final String CHINESE_DIGITS = "零一二三四五六七八九";

	/** A number anywhere in a text: digits, a run of English number words, or a run of Chinese numerals. */
	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?"
			+ "|(?:\\b(?:" + String.join("|", ENGLISH.keySet().stream().filter(w -> !w.equals("a") && !w.equals("half")).toList())
			+ "|hundred|thousand)\\b(?:\\s+(?:and\\s+)?)?)+"
			+ "|[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?");

	private Numbers() {
	}

	/** The value of a text that is a number and nothing else, or {@code null}. */
	public static Double parse(String text) {
		String t = text.strip();
		if (t.isEmpty()) {
			return null;
		}
		if (t.matches("-?\\d+(?:\\.\\d+)?")) {
			return Double.parseDouble(t);
		}
		if (t.matches("[零一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?")) {
			return chinese(t);
		}
		return english(t);
	}

	/** A number found in a text: its value and where it is. */
	public record Found(double value, int start, int end) {
	}

	/** The first number in a text, or {@code null}. */
	public static Found find(String text) {
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			Double value = parse(matcher.group());
			if (value != null) {
				return new Found(value, matcher.start(), matcher.end());
			}
		}
		return null;
	}

	private static Double english(String text) {
		long total = 0;
		long current = 0;
		boolean any = false;
		for (String word : text.split("\\s+")) {
			if (word.equals("and")) {
				continue;
			}
			if (word.equals("hundred")) {
				current = Math.max(current, 1) * 100;
			} else if (word.equals("thousand")) {
				total += Math.max(current, 1) * 1000;
				current = 0;
			} else if (ENGLISH.containsKey(word) && !word.equals("half")) {
				current += ENGLISH.get(word);
			} else {
				return null;
			}
			any = true;
		}
		return any ? (double) (total + current) : null;
	}

	private static Double chinese(String text) {
		int point = text.indexOf('点');
		String whole = point < 0 ? text : text.substring(0, point);
		long total = 0;
		long digit = 0;
		for (char c : whole.toCharArray()) {
			int d = c == '两' ? 2 : CHINESE_DIGITS.indexOf(c);
			if (d >= 0) {
				digit = d;
			} else {
				int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
				total += (digit == 0 ? 1 : digit) * unit;
				digit = 0;
			}
		}
		double value = total + digit;
		if (point >= 0) {
			StringBuilder decimals = new StringBuilder("0.");
			for (char c : text.substring(point + 1).toCharArray()) {
				decimals.append(CHINESE_DIGITS.indexOf(c));
			}
			value += Double.parseDouble(decimals.toString());
		}
		return value;
	}
}
