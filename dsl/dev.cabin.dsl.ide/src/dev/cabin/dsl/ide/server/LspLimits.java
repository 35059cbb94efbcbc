package dev.cabin.dsl.ide.server;

/**
 * What one client may make the language server read and parse: the bytes of one protocol message, how deep its
 * JSON nests, and the characters of one document. Each refusal names the limit and the {@code cabin lsp} option
 * that raises it.
 *
 * @param maxMessageBytes  the content of one message (its {@code Content-Length})
 * @param maxJsonDepth     how many arrays and objects one message may nest
 * @param maxDocumentChars the text of one open document; a longer one is not parsed
 */
public record LspLimits(int maxMessageBytes, int maxJsonDepth, int maxDocumentChars) {

	public static final String MESSAGE_BYTES_OPTION = "--max-message-bytes";
	public static final String JSON_DEPTH_OPTION = "--max-json-depth";
	public static final String DOCUMENT_CHARS_OPTION = "--max-document-chars";

	/* A document this long already takes seconds to check; messages leave room for its JSON escapes. */
	public static final LspLimits DEFAULTS = new LspLimits(16 * 1024 * 1024, 64, 2 * 1024 * 1024);

	public LspLimits {
		if (maxMessageBytes <= 0 || maxJsonDepth <= 0 || maxDocumentChars <= 0) {
			throw new IllegalArgumentException("limits must be above 0");
		}
	}

	String messageTooLarge(long bytes) {
		return "The message of " + bytes + " bytes exceeds the limit of " + maxMessageBytes + " bytes ("
				+ MESSAGE_BYTES_OPTION + ")";
	}

	String nestedTooDeep() {
		return "The message nests deeper than the limit of " + maxJsonDepth + " levels (" + JSON_DEPTH_OPTION + ")";
	}

	String documentTooLarge(long chars) {
		return "The document of " + chars + " characters exceeds the limit of " + maxDocumentChars
				+ " characters (" + DOCUMENT_CHARS_OPTION + "): it is not checked";
	}
}
