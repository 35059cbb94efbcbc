package dev.cabin.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The messages a browser sends over a WebSocket (one JSON message per frame), as the byte stream the language
 * server reads: each framed with its {@code Content-Length} header, as {@code cabin lsp} reads them on stdin, so
 * that every limit and check of that reader applies unchanged. A browser that sends faster than the server
 * reads waits: the queue holds a bounded number of messages.
 */
final class FramedInput extends InputStream {

	private static final byte[] END = new byte[0];
	private static final int QUEUED_MESSAGES = 64;

	private final BlockingQueue<byte[]> messages = new ArrayBlockingQueue<>(QUEUED_MESSAGES);
	private byte[] current = new byte[0];
	private int position;
	private boolean ended;

	/** Queues one message; waits while the queue is full. */
	void offer(String json) throws InterruptedException {
		byte[] content = json.getBytes(StandardCharsets.UTF_8);
		byte[] header = ("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] framed = new byte[header.length + content.length];
		System.arraycopy(header, 0, framed, 0, header.length);
		System.arraycopy(content, 0, framed, header.length, content.length);
		messages.put(framed);
	}

	/** The end of the input: the server reads what is queued, then the end. */
	void end() {
		// the queue may be full of messages no one will read any more: the end must not wait behind them
		while (!messages.offer(END)) {
			messages.poll();
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (position == current.length) {
			if (ended) {
				return -1;
			}
			try {
				current = messages.take();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for the browser", e);
			}
			position = 0;
			ended = current == END;
		}
		int count = Math.min(length, current.length - position);
		System.arraycopy(current, position, buffer, offset, count);
		position += count;
		return count;
	}
}
