package dev.cabin.car;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A standard stream as the command line writes to it: the C0 control characters but tab, line feed and carriage
 * return (the escape character first of all) and DEL are dropped, whatever printed them, so that no text from a
 * file, a package, a model or an exception can drive the terminal. Names are escaped where they are printed
 * ({@code TerminalText}); this is the guard for everything else. UTF-8 is unharmed: its multi-byte sequences
 * have no byte below 0x80.
 */
public final class TerminalOutput extends FilterOutputStream {

	public TerminalOutput(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		if (shown((byte) b)) {
			out.write(b);
		}
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		byte[] kept = new byte[length];
		int count = 0;
		for (int i = offset; i < offset + length; i++) {
			if (shown(bytes[i])) {
				kept[count++] = bytes[i];
			}
		}
		out.write(kept, 0, count);
	}

	private static boolean shown(byte b) {
		return b >= 0x20 && b != 0x7f || b < 0 || b == '\t' || b == '\n' || b == '\r';
	}
}
