package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What a BERT tokenizer needs from a Hugging Face {@code tokenizer.json}: the WordPiece vocabulary, the
 * normalizer's switches and the special tokens. Read with the JSON tokenizer alone, field by field; a file of
 * another kind of tokenizer (not BertNormalizer, BertPreTokenizer, WordPiece) is refused, since it would give
 * other token ids than the model was trained with.
 *
 * @param vocabulary the id of every token, continuations with their {@code ##} prefix
 * @param specialTokens the added tokens ({@code [CLS]}, {@code [UNK]}, ...), matched in the raw text
 * @param lowercase whether the normalizer lower-cases
 * @param stripAccents whether it removes combining marks after canonical decomposition
 * @param handleChineseChars whether every CJK ideograph is a word of its own
 * @param cleanText whether control characters are dropped and every white space becomes a space
 */
record TokenizerFile(Map<String, Integer> vocabulary, Map<String, Integer> specialTokens, String unknownToken,
		String continuationPrefix, int maxCharsPerWord, boolean lowercase, boolean stripAccents,
		boolean handleChineseChars, boolean cleanText) {

	/*
	 * The vocabulary's tens of thousands of tokens are field names: kept out of Jackson's symbol table, which
	 * would hash and intern each one, the file reads in a third of the CPU time (JIT compilation included).
	 */
	private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
			.disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

	static TokenizerFile read(InputStream in) throws IOException {
		Builder file = new Builder();
		try (JsonParser parser = JSON.createParser(in)) {
			expectObject(parser.nextToken(), parser, "the file");
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (field) {
				case "added_tokens" -> file.addedTokens(parser, value);
				case "normalizer" -> file.normalizer(parser, value);
				case "pre_tokenizer" -> file.require(type(parser, value, "pre_tokenizer"), "BertPreTokenizer", "pre_tokenizer");
				case "model" -> file.model(parser, value);
				default -> parser.skipChildren();
				}
			}
		}
		return file.build();
	}

	/** The fields of a tokenizer file, gathered while it is read. */
	private static final class Builder {
		private final Map<String, Integer> vocabulary = new HashMap<>();
		private final Map<String, Integer> specialTokens = new HashMap<>();
		private String unknownToken = "[UNK]";
		private String continuationPrefix = "##";
		private int maxCharsPerWord = 100;
		private boolean lowercase = true;
		private Boolean stripAccents;
		private boolean handleChineseChars = true;
		private boolean cleanText = true;
		private boolean sawNormalizer;
		private boolean sawModel;

		void addedTokens(JsonParser parser, JsonToken value) throws IOException {
			if (value != JsonToken.START_ARRAY) {
				throw new IOException("added_tokens is not a list");
			}
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				String content = null;
				int id = -1;
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String field = parser.currentName();
					parser.nextToken();
					if (field.equals("content")) {
						content = parser.getText();
					} else if (field.equals("id")) {
						id = parser.getIntValue();
					} else {
						parser.skipChildren();
					}
				}
				if (content == null || id < 0) {
					throw new IOException("an added token without content or id");
				}
				specialTokens.put(content, id);
			}
		}

		void normalizer(JsonParser parser, JsonToken value) throws IOException {
			expectObject(value, parser, "normalizer");
			sawNormalizer = true;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken token = parser.nextToken();
				switch (field) {
				case "type" -> require(parser.getText(), "BertNormalizer", "normalizer");
				case "lowercase" -> lowercase = token == JsonToken.VALUE_TRUE;
				case "strip_accents" -> stripAccents = token == JsonToken.VALUE_NULL ? null : token == JsonToken.VALUE_TRUE;
				case "handle_chinese_chars" -> handleChineseChars = token == JsonToken.VALUE_TRUE;
				case "clean_text" -> cleanText = token == JsonToken.VALUE_TRUE;
				default -> parser.skipChildren();
				}
			}
		}

		void model(JsonParser parser, JsonToken value) throws IOException {
			expectObject(value, parser, "model");
			sawModel = true;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken token = parser.nextToken();
				switch (field) {
				case "type" -> require(parser.getText(), "WordPiece", "model");
				case "unk_token" -> unknownToken = parser.getText();
				case "continuing_subword_prefix" -> continuationPrefix = parser.getText();
				case "max_input_chars_per_word" -> maxCharsPerWord = parser.getIntValue();
				case "vocab" -> {
					expectObject(token, parser, "model.vocab");
					while (parser.nextToken() == JsonToken.FIELD_NAME) {
						String piece = parser.currentName();
						parser.nextToken();
						vocabulary.put(piece, parser.getIntValue());
					}
				}
				default -> parser.skipChildren();
				}
			}
		}

		void require(String actual, String expected, String what) throws IOException {
			if (!expected.equals(actual)) {
				throw new IOException(what + " is " + actual + ", not " + expected);
			}
		}

		TokenizerFile build() throws IOException {
			if (!sawNormalizer || !sawModel || vocabulary.isEmpty()) {
				throw new IOException("no BertNormalizer or no WordPiece vocabulary");
			}
			if (!vocabulary.containsKey(unknownToken) || !specialTokens.containsKey("[CLS]")
					|| !specialTokens.containsKey("[SEP]")) {
				throw new IOException("the vocabulary lacks " + unknownToken + ", [CLS] or [SEP]");
			}
			// Hugging Face strips accents when the normalizer lower-cases, unless strip_accents says otherwise.
			boolean strip = stripAccents != null ? stripAccents : lowercase;
			return new TokenizerFile(Collections.unmodifiableMap(vocabulary), Map.copyOf(specialTokens), unknownToken,
					continuationPrefix, maxCharsPerWord, lowercase, strip, handleChineseChars, cleanText);
		}
	}

	/** The {@code type} of a section, the rest of it skipped. */
	private static String type(JsonParser parser, JsonToken value, String what) throws IOException {
		expectObject(value, parser, what);
		String type = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String field = parser.currentName();
			parser.nextToken();
			if (field.equals("type")) {
				type = parser.getText();
			} else {
				parser.skipChildren();
			}
		}
		return type;
	}

	private static void expectObject(JsonToken token, JsonParser parser, String what) throws IOException {
		if (token != JsonToken.START_OBJECT) {
			throw new IOException(what + " is not a JSON object (line " + parser.currentLocation().getLineNr() + ")");
		}
	}
}
