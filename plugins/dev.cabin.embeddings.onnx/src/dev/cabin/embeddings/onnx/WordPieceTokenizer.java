package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The token ids a BERT sentence model reads for a text, from the model's Hugging Face {@code tokenizer.json},
 * in Java: the same ids as Hugging Face's tokenizer, without loading its native library at start-up. The
 * special tokens ({@code [CLS]}, {@code [UNK]}, ...) are matched in the raw text; the rest is split into
 * {@link BertWords} and each word into the longest vocabulary pieces from its start, a word that does not
 * split entirely into pieces (or is too long) becoming the unknown token. The ids start with {@code [CLS]} and
 * end with {@code [SEP]}, at most 512 in all: longer texts are cut.
 */
public final class WordPieceTokenizer {

	/** The longest sequence a BERT model reads, with its two special tokens. */
	static final int MAX_TOKENS = 512;

	private final TokenizerFile file;
	private final BertWords words;
	private final int unknownId;

	private WordPieceTokenizer(TokenizerFile file) {
		this.file = file;
		this.words = new BertWords(file);
		this.unknownId = file.vocabulary().get(file.unknownToken());
	}

	/** The tokenizer of a {@code tokenizer.json}. */
	public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
		return new WordPieceTokenizer(TokenizerFile.read(tokenizerJson));
	}

	/** The ids of the text, {@code [CLS]} first and {@code [SEP]} last. */
	public long[] ids(String text) {
		List<Integer> ids = new ArrayList<>();
		ids.add(file.specialTokens().get("[CLS]"));
		int from = 0;
		while (from < text.length() && ids.size() < MAX_TOKENS - 1) {
			Map.Entry<Integer, String> special = nextSpecialToken(text, from);
			int end = special == null ? text.length() : special.getKey();
			for (String word : words.split(text.substring(from, end))) {
				pieces(word, ids);
			}
			if (special == null) {
				break;
			}
			ids.add(file.specialTokens().get(special.getValue()));
			from = end + special.getValue().length();
		}
		List<Integer> cut = ids.size() > MAX_TOKENS - 1 ? ids.subList(0, MAX_TOKENS - 1) : ids;
		long[] result = new long[cut.size() + 1];
		for (int i = 0; i < cut.size(); i++) {
			result[i] = cut.get(i);
		}
		result[cut.size()] = file.specialTokens().get("[SEP]");
		return result;
	}

	/** The position and text of the first special token at or after {@code from}, or {@code null}. */
	private Map.Entry<Integer, String> nextSpecialToken(String text, int from) {
		Map.Entry<Integer, String> first = null;
		for (String token : file.specialTokens().keySet()) {
			int at = text.indexOf(token, from);
			if (at >= 0 && (first == null || at < first.getKey()
					|| (at == first.getKey() && token.length() > first.getValue().length()))) {
				first = Map.entry(at, token);
			}
		}
		return first;
	}

	/** The word's pieces, longest first from its start, or the unknown token if it does not split entirely. */
	private void pieces(String word, List<Integer> ids) {
		if (word.codePointCount(0, word.length()) > file.maxCharsPerWord()) {
			ids.add(unknownId);
			return;
		}
		List<Integer> pieces = new ArrayList<>();
		int start = 0;
		while (start < word.length()) {
			Integer found = null;
			int end = word.length();
			while (end > start) {
				String piece = start == 0 ? word.substring(start, end)
						: file.continuationPrefix() + word.substring(start, end);
				found = file.vocabulary().get(piece);
				if (found != null) {
					break;
				}
				end = Character.isLowSurrogate(word.charAt(end - 1)) ? end - 2 : end - 1;
			}
			if (found == null) {
				ids.add(unknownId);
				return;
			}
			pieces.add(found);
			start = end;
		}
		ids.addAll(pieces);
	}
}
