package dev.cabin.dsl.ide.server;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads the protocol's framed messages ({@code Content-Length} headers, then JSON) from a client that may be
 * hostile. Each message's body is read whole, exactly its announced length, before anything else happens, so the
 * stream stays in step whatever the body holds; a body over the size limit is skipped unread, one nested over the
 * depth limit is not parsed, and both are answered with an error naming the limit when their id can be
 * recognized. Bytes without a {@code Content-Length} are skipped up to the next header. Nothing read is ever
 * echoed into a log, and nothing logged carries a stack trace.
 */
final class BoundedMessageReader implements MessageProducer, Closeable {

	private static final Logger LOG = Logger.getLogger(BoundedMessageReader.class.getName());
	private static final String CONTENT_LENGTH = "content-length:";
	/* A longer header line is garbage; its end is kept, where the next Content-Length may begin. */
	private static final int MAX_HEADER_LINE = 8192;
	private static final int KEPT_OF_LONG_LINE = 64;

	private final InputStream input;
	private final MessageJsonHandler json;
	private final MessageIssueHandler replies;
	private final BiConsumer<String, String> refusedDocument;
	private final LspLimits limits;
	private volatile boolean open = true;

	/**
	 * @param replies         answers a request that was refused (the remote endpoint)
	 * @param refusedDocument told the URI of a document whose message was refused, and why
	 */
	BoundedMessageReader(InputStream input, MessageJsonHandler json, MessageIssueHandler replies,
			BiConsumer<String, String> refusedDocument, LspLimits limits) {
		this.input = new BufferedInputStream(input, 1 << 16);
		this.json = json;
		this.replies = replies;
		this.refusedDocument = refusedDocument;
		this.limits = limits;
	}

	@Override
	public void listen(MessageConsumer consumer) {
		try {
			long length;
			while (open && (length = readHeaders()) >= 0) {
				if (!readMessage(length, consumer)) {
					return;
				}
			}
		} catch (IOException e) {
			if (open) {
				LOG.info("Cabin language server: the input ended (" + Problems.describe(e) + ")");
			}
		}
	}

	@Override
	public void close() {
		open = false;
	}

	/* The next message's Content-Length, or -1 at the end of the input. */
	private long readHeaders() throws IOException {
		long length = -1;
		boolean anyHeader = false;
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = input.read()) != -1) {
			if (c == '\n') {
				if (line.length() == 0 && anyHeader) {
					if (length >= 0) {
						return length;
					}
					LOG.warning("Cabin language server: skipped input without a Content-Length header");
					anyHeader = false;
				} else if (line.length() > 0) {
					anyHeader = true;
					long announced = contentLength(line.toString());
					if (announced != -1) {
						length = announced;
					}
				}
				line.setLength(0);
			} else if (c != '\r') {
				line.append((char) c);
				if (line.length() > MAX_HEADER_LINE) {
					line.delete(0, line.length() - KEPT_OF_LONG_LINE);
				}
			}
		}
		return -1;
	}

	/* The length a Content-Length header announces (anywhere in the line, after garbage), else -1. */
	private static long contentLength(String line) {
		int at = line.toLowerCase(Locale.ROOT).lastIndexOf(CONTENT_LENGTH);
		if (at < 0) {
			return -1;
		}
		try {
			long length = Long.parseLong(line.substring(at + CONTENT_LENGTH.length()).trim());
			return length >= 0 ? length : -1;
		} catch (NumberFormatException e) {
			LOG.warning("Cabin language server: ignored a Content-Length that is not a number");
			return -1;
		}
	}

	/* Reads one body and hands its message on; false at the end of the input. */
	private boolean readMessage(long length, MessageConsumer consumer) throws IOException {
		JsonOutline outline = new JsonOutline(limits.maxJsonDepth());
		if (length > limits.maxMessageBytes()) {
			boolean complete = skip(length, outline);
			refuse(outline, limits.messageTooLarge(length), ResponseErrorCode.InvalidRequest);
			return complete;
		}
		byte[] body = input.readNBytes((int) length);
		outline.feed(body, 0, body.length);
		if (body.length < length) {
			return false;
		}
		if (outline.tooDeep()) {
			refuse(outline, limits.nestedTooDeep(), ResponseErrorCode.InvalidRequest);
			return true;
		}
		String text = new String(body, StandardCharsets.UTF_8);
		Message message;
		try {
			message = json.parseMessage(text);
		} catch (MessageIssueException e) {
			boolean wellFormed = isWellFormed(text);
			answer(e.getRpcMessage(), outline,
					(wellFormed ? "Invalid params: " : "The message is not valid JSON: ") + Problems.describe(e),
					wellFormed ? ResponseErrorCode.InvalidParams : ResponseErrorCode.ParseError);
			return true;
		} catch (RuntimeException e) {
			boolean wellFormed = isWellFormed(text);
			refuse(outline, (wellFormed ? "Not a request: " : "The message is not valid JSON: ") + Problems.describe(e),
					wellFormed ? ResponseErrorCode.InvalidRequest : ResponseErrorCode.ParseError);
			return true;
		}
		try {
			consumer.consume(message);
		} catch (MessageIssueException e) {
			MessageIssue first = e.getIssues().get(0);
			answer(message, outline, Problems.firstLine(first.getText()), code(first.getIssueCode()));
		} catch (RuntimeException e) {
			refuse(outline, "The message could not be handled: " + Problems.describe(e), ResponseErrorCode.InternalError);
		}
		return true;
	}

	private static ResponseErrorCode code(int value) {
		for (ResponseErrorCode code : ResponseErrorCode.values()) {
			if (code.getValue() == value) {
				return code;
			}
		}
		return ResponseErrorCode.InvalidRequest;
	}

	/* Reads past a body too large to keep, outlining it on the way; false when the input ended first. */
	private boolean skip(long length, JsonOutline outline) throws IOException {
		byte[] chunk = new byte[1 << 16];
		long left = length;
		while (left > 0) {
			int read = input.read(chunk, 0, (int) Math.min(chunk.length, left));
			if (read < 0) {
				return false;
			}
			outline.feed(chunk, 0, read);
			left -= read;
		}
		return true;
	}

	private static boolean isWellFormed(String text) {
		try {
			JsonParser.parseString(text);
			return true;
		} catch (JsonParseException e) {
			return false;
		}
	}

	private void answer(Message message, JsonOutline outline, String reason, ResponseErrorCode code) {
		if (message instanceof RequestMessage request && request.getRawId() != null) {
			replies.handle(request, List.of(new MessageIssue(reason, code.getValue())));
		} else {
			refuse(outline, reason, code);
		}
	}

	/* Answers the refused message when it is a request whose id was recognized; logs one line in any case. */
	private void refuse(JsonOutline outline, String reason, ResponseErrorCode code) {
		Either<String, Number> id = outline.id();
		String what = outline.method() == null ? "a message" : Problems.firstLine(outline.method());
		LOG.warning("Cabin language server: refused " + what + ": " + reason);
		if (id != null) {
			RequestMessage request = new RequestMessage();
			request.setRawId(id);
			request.setMethod(outline.method());
			replies.handle(request, List.of(new MessageIssue(reason, code.getValue())));
		} else if (outline.documentUri() != null && ("textDocument/didOpen".equals(outline.method())
				|| "textDocument/didChange".equals(outline.method()))) {
			refusedDocument.accept(outline.documentUri(), reason);
		}
	}
}
