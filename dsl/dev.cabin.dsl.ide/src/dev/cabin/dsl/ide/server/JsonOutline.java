package dev.cabin.dsl.ide.server;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.eclipse.lsp4j.jsonrpc.messages.Either;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a message says before it is parsed: how deep its JSON nests, and its request id, method and document
 * URI ({@code params.textDocument.uri}), so that a message too large or too deep to parse can still be answered
 * and its document named. Fed in chunks, byte by byte, with no recursion and bounded memory, whatever the input;
 * malformed JSON yields whatever was recognized before the damage.
 */
final class JsonOutline {

	/* Longer ids, methods and URIs are not recovered. */
	private static final int MAX_CAPTURED_BYTES = 4096;
	/* The levels whose keys are tracked: the message, its params, params.textDocument. */
	private static final int TRACKED_LEVELS = 3;

	private final int depthLimit;
	private int depth;
	private int deepest;
	private boolean inString;
	private boolean escaped;
	private final boolean[] inObject = new boolean[TRACKED_LEVELS + 1];
	private final boolean[] expectingKey = new boolean[TRACKED_LEVELS + 1];
	private final String[] keys = new String[TRACKED_LEVELS + 1];
	private ByteArrayOutputStream captured;
	private StringBuilder idNumber;
	private Either<String, Number> id;
	private String method;
	private String documentUri;

	JsonOutline(int depthLimit) {
		this.depthLimit = depthLimit;
	}

	void feed(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			feed(bytes[i]);
		}
	}

	private void feed(byte b) {
		if (inString) {
			if (escaped) {
				escaped = false;
			} else if (b == '\\') {
				escaped = true;
			} else if (b == '"') {
				inString = false;
				endString();
				return;
			}
			capture(b);
			return;
		}
		switch (b) {
		case '"' -> startString();
		case '{' -> open(true);
		case '[' -> open(false);
		case '}', ']' -> close();
		case ':' -> {
			if (tracked()) {
				expectingKey[depth] = false;
			}
		}
		case ',' -> {
			endIdNumber();
			if (tracked()) {
				expectingKey[depth] = inObject[depth];
			}
		}
		default -> {
			if (depth == 1 && !expectingKey[1] && "id".equals(keys[1]) && isNumberByte(b)) {
				if (idNumber == null) {
					idNumber = new StringBuilder();
				}
				if (idNumber.length() < MAX_CAPTURED_BYTES) {
					idNumber.append((char) b);
				}
			}
		}
		}
	}

	private static boolean isNumberByte(byte b) {
		return b >= '0' && b <= '9' || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
	}

	private boolean tracked() {
		return depth >= 1 && depth <= TRACKED_LEVELS;
	}

	private void open(boolean object) {
		depth++;
		deepest = Math.max(deepest, depth);
		if (tracked()) {
			inObject[depth] = object;
			expectingKey[depth] = object;
			keys[depth] = null;
		}
	}

	private void close() {
		endIdNumber();
		if (depth > 0) {
			depth--;
		}
	}

	private void startString() {
		inString = true;
		captured = tracked() ? new ByteArrayOutputStream() : null;
	}

	private void capture(byte b) {
		if (captured != null) {
			if (captured.size() < MAX_CAPTURED_BYTES) {
				captured.write(b);
			} else {
				captured = null;
			}
		}
	}

	private void endString() {
		if (captured == null) {
			return;
		}
		String text = decode(captured);
		captured = null;
		if (text == null) {
			return;
		}
		if (inObject[depth] && expectingKey[depth]) {
			keys[depth] = text;
		} else if (depth == 1 && "id".equals(keys[1])) {
			id = Either.forLeft(text);
		} else if (depth == 1 && "method".equals(keys[1])) {
			method = text;
		} else if (depth == 3 && "params".equals(keys[1]) && "textDocument".equals(keys[2]) && "uri".equals(keys[3])) {
			documentUri = text;
		}
	}

	/* The string's JSON escapes resolved; null when they are broken. */
	private static String decode(ByteArrayOutputStream bytes) {
		try {
			return JsonParser.parseString("\"" + bytes.toString(StandardCharsets.UTF_8) + "\"").getAsString();
		} catch (JsonParseException | IllegalStateException e) {
			return null;
		}
	}

	private void endIdNumber() {
		if (depth == 1 && idNumber != null) {
			String number = idNumber.toString();
			try {
				id = Either.forRight(Long.parseLong(number));
			} catch (NumberFormatException notLong) {
				try {
					id = Either.forRight(new BigDecimal(number));
				} catch (NumberFormatException notNumber) {
					// no id to answer
				}
			}
			idNumber = null;
		}
	}

	boolean tooDeep() {
		return deepest > depthLimit;
	}

	/** The request's id, or null for a notification or when it could not be recognized. */
	Either<String, Number> id() {
		endIdNumber();
		return id;
	}

	String method() {
		return method;
	}

	/** {@code params.textDocument.uri}, or null. */
	String documentUri() {
		return documentUri;
	}
}
