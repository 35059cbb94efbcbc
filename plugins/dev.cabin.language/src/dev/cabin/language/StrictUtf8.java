package dev.cabin.language;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Users' bytes read as UTF-8 without replacing anything. A lenient decoder would put U+FFFD where the author
 * wrote something else and carry on; every reader of users' files refuses such a file instead, at the first
 * byte that is not UTF-8, so that the author can find and fix it.
 */
public final class StrictUtf8 {

	private StrictUtf8() {
	}

	/**
	 * The text, or where it stops being UTF-8: the offset of the first bad byte, and its line and column (from
	 * 1, counted in characters of the text before it, as an editor counts them).
	 */
	public record Decoded(String text, int badByte, int line, int column, int charOffset) {

		public boolean valid() {
			return text != null;
		}
	}

	public static Decoded decode(byte[] bytes) {
		return decode(bytes, bytes.length);
	}

	/** The first {@code length} bytes. */
	public static Decoded decode(byte[] bytes, int length) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
		// UTF-8 never decodes to more chars than it has bytes
		CharBuffer out = CharBuffer.allocate(length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		String text = out.flip().toString();
		if (!result.isError()) {
			return new Decoded(text, -1, 0, 0, 0);
		}
		int lineStart = text.lastIndexOf('\n') + 1;
		int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
		return new Decoded(null, in.position(), line, text.length() - lineStart + 1, text.length());
	}
}
