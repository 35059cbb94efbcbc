package dev.cabin.embeddings.onnx;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words a BERT tokenizer splits a text into before WordPiece, as Hugging Face's BertNormalizer and
 * BertPreTokenizer make them: control characters dropped and white space made a space (clean text), every CJK
 * ideograph a word of its own, accents stripped and the text lower-cased when the model's tokenizer says so,
 * then split at white space and around every punctuation character.
 */
final class BertWords {

	private final boolean cleanText;
	private final boolean handleChineseChars;
	private final boolean stripAccents;
	private final boolean lowercase;

	BertWords(TokenizerFile file) {
		this.cleanText = file.cleanText();
		this.handleChineseChars = file.handleChineseChars();
		this.stripAccents = file.stripAccents();
		this.lowercase = file.lowercase();
	}

	List<String> split(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		String normalized = normalized(text);
		for (int i = 0; i < normalized.length();) {
			int c = normalized.codePointAt(i);
			i += Character.charCount(c);
			if (isWhitespace(c)) {
				flush(word, words);
			} else if (isPunctuation(c)) {
				flush(word, words);
				words.add(new String(Character.toChars(c)));
			} else {
				word.appendCodePoint(c);
			}
		}
		flush(word, words);
		return words;
	}

	private String normalized(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (cleanText && (c == 0 || c == 0xFFFD || isControl(c))) {
				continue;
			}
			if (cleanText && isWhitespace(c)) {
				out.append(' ');
			} else if (handleChineseChars && isCjkIdeograph(c)) {
				out.append(' ').appendCodePoint(c).append(' ');
			} else {
				out.appendCodePoint(c);
			}
		}
		String result = out.toString();
		if (stripAccents) {
			result = withoutCombiningMarks(Normalizer.normalize(result, Normalizer.Form.NFD));
		}
		return lowercase ? lowerCased(result) : result;
	}

	private static String withoutCombiningMarks(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
		return out.toString();
	}

	/* Character by character, as Hugging Face does: no final sigma, whose rule needs the word around it. */
	private static String lowerCased(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			out.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
		}
		return out.toString();
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (!word.isEmpty()) {
			words.add(word.toString());
			word.setLength(0);
		}
	}

	/** Unicode's White_Space property, which Rust's {@code char::is_whitespace} tests. */
	static boolean isWhitespace(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
	}

	/** Unicode's "other" categories (control, format, private use, surrogate, unassigned), tab and newlines aside. */
	private static boolean isControl(int c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return false;
		}
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
				|| type == Character.SURROGATE || type == Character.UNASSIGNED;
	}

	/** ASCII symbols count as punctuation for BERT, besides Unicode's punctuation categories. */
	private static boolean isPunctuation(int c) {
		if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
			return true;
		}
		return switch (Character.getType(c)) {
		case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
				Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
				Character.OTHER_PUNCTUATION -> true;
		default -> false;
		};
	}

	/** The CJK Unified Ideographs blocks and their extensions and compatibility forms, as BERT defines them. */
	private static boolean isCjkIdeograph(int c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
				|| (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
				|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
	}
}
