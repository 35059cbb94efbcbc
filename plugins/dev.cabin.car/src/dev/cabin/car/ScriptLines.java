package dev.cabin.car;

import dev.cabin.language.StrictUtf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a conversation script, read as bytes and split at line feeds (a carriage return before one is
 * dropped). Each line is decoded as UTF-8 on its own, so that invalid UTF-8 is reported at its own line and the
 * lines after it are still read; a line longer than {@value #MAX_LINE_BYTES} bytes is reported, not kept.
 */
public final class ScriptLines implements Closeable {

	/** The longest line a script may have, in bytes: far more than any event needs, little for the heap. */
	public static final int MAX_LINE_BYTES = 64 * 1024;

	/**
	 * A line of the script.
	 *
	 * @param number its number, from 1
	 * @param text what it says, or {@code null} when it cannot be read
	 * @param error why it cannot be read, or {@code null}
	 */
	public record Line(int number, String text, String error) {
	}

	private final InputStream in;
	private int number;

	public ScriptLines(InputStream in) {
		this.in = new BufferedInputStream(in, MAX_LINE_BYTES);
	}

	/** The next line, or {@code null} at the end of the script. */
	public Line next() throws IOException {
		int b = in.read();
		if (b < 0) {
			return null;
		}
		number++;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long length = 0;
		for (; b >= 0 && b != '\n'; b = in.read()) {
			length++;
			// one byte past the limit, for the carriage return of a line exactly at it
			if (bytes.size() <= MAX_LINE_BYTES) {
				bytes.write(b);
			}
		}
		byte[] line = bytes.toByteArray();
		if (line.length == length && length > 0 && line[line.length - 1] == '\r') {
			length--;
		}
		if (length > MAX_LINE_BYTES) {
			return new Line(number, null, "the line is longer than " + MAX_LINE_BYTES / 1024 + " KB ("
					+ MAX_LINE_BYTES + " bytes), the limit of a script line");
		}
		return decoded(line, (int) length);
	}

	private Line decoded(byte[] line, int length) {
		StrictUtf8.Decoded text = StrictUtf8.decode(line, length);
		if (!text.valid()) {
			return new Line(number, null, "not valid UTF-8 (byte " + (text.badByte() + 1) + " of the line)");
		}
		return new Line(number, text.text(), null);
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
