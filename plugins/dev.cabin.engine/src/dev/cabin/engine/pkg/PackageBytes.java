package dev.cabin.engine.pkg;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a package, read where they are needed: a package file is never loaded whole, so that verifying
 * one takes a bounded buffer whatever its size (a head unit's engine runs in a 64 MB heap).
 */
interface PackageBytes extends Closeable {

	long size();

	/** Fills {@code into} with the bytes from {@code position} on; fails if the package ends before. */
	void read(long position, byte[] into, int offset, int length) throws IOException;

	default byte[] read(long position, int length) throws IOException {
		byte[] bytes = new byte[length];
		read(position, bytes, 0, length);
		return bytes;
	}

	static PackageBytes of(byte[] bytes) {
		return new PackageBytes() {
			@Override
			public long size() {
				return bytes.length;
			}

			@Override
			public void read(long position, byte[] into, int offset, int length) throws IOException {
				if (position < 0 || position + length > bytes.length) {
					throw new EOFException("past the end of the package");
				}
				System.arraycopy(bytes, (int) position, into, offset, length);
			}

			@Override
			public void close() {
				// nothing to release
			}
		};
	}

	static PackageBytes open(Path file) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		long size = channel.size();
		return new PackageBytes() {
			@Override
			public long size() {
				return size;
			}

			@Override
			public void read(long position, byte[] into, int offset, int length) throws IOException {
				ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
				long at = position;
				while (buffer.hasRemaining()) {
					int n = channel.read(buffer, at);
					if (n < 0) {
						throw new EOFException("past the end of the package");
					}
					at += n;
				}
			}

			@Override
			public void close() throws IOException {
				channel.close();
			}
		};
	}
}
