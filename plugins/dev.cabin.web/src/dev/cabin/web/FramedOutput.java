package dev.cabin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The language server's output stream, cut into its messages: the server writes each message with a
 * {@code Content-Length} header, as on stdout; each message's content is handed on whole, to be sent as one
 * WebSocket text frame.
 */
final class FramedOutput extends OutputStream {

	/** Where each message goes. */
	interface Messages {
		void send(String json) throws IOException;
	}

	private static final byte[] HEADER_END = { '\r', '\n', '\r', '\n' };

	private final Messages messages;
	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
	private int contentLength = -1;

	FramedOutput(Messages messages) {
		this.messages = messages;
	}

	@Override
	public synchronized void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
		pending.write(bytes, offset, length);
		while (sendComplete()) {
			// one more message was sent; the rest may hold another
		}
	}

	/* Sends the first message when all of it is pending; whether it did. */
	private boolean sendComplete() throws IOException {
		byte[] buffered = pending.toByteArray();
		int headerEnd = indexOf(buffered, HEADER_END);
		if (headerEnd < 0) {
			return false;
		}
		if (contentLength < 0) {
			contentLength = contentLength(new String(buffered, 0, headerEnd, StandardCharsets.US_ASCII));
		}
		int start = headerEnd + HEADER_END.length;
		if (buffered.length - start < contentLength) {
			return false;
		}
		String json = new String(buffered, start, contentLength, StandardCharsets.UTF_8);
		pending.reset();
		pending.write(buffered, start + contentLength, buffered.length - start - contentLength);
		contentLength = -1;
		messages.send(json);
		return true;
	}

	private static int contentLength(String header) throws IOException {
		for (String line : header.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
				try {
					return Integer.parseInt(line.substring(colon + 1).trim());
				} catch (NumberFormatException e) {
					break;
				}
			}
		}
		throw new IOException("the language server wrote a message without a Content-Length");
	}

	private static int indexOf(byte[] bytes, byte[] wanted) {
		outer: for (int i = 0; i + wanted.length <= bytes.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
