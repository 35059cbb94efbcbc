package dev.cabin.export.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Edits the headers of a zip in place, as an attacker would: makes an entry declare another uncompressed size
 * in both its local header and the zip directory, so that only the lie differs from an honest package.
 */
final class ZipSurgery {

	private ZipSurgery() {
	}

	static byte[] declareSize(byte[] zip, String entry, long size) {
		byte[] copy = zip.clone();
		ByteBuffer bytes = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
		byte[] name = entry.getBytes(StandardCharsets.UTF_8);
		int end = copy.length - 22;
		for (int at = bytes.getInt(end + 16); at < end; at += 46 + bytes.getShort(at + 28)) {
			int nameLength = bytes.getShort(at + 28);
			if (Arrays.equals(Arrays.copyOfRange(copy, at + 46, at + 46 + nameLength), name)) {
				int local = bytes.getInt(at + 42);
				bytes.putInt(at + 24, (int) size);
				bytes.putInt(local + 22, (int) size);
				return copy;
			}
		}
		throw new IllegalArgumentException("no entry " + entry);
	}

	/** Where the entry's stored data starts and ends in the zip: {start, end}. */
	static int[] dataOf(byte[] zip, String entry) {
		ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		byte[] name = entry.getBytes(StandardCharsets.UTF_8);
		for (int at = 0; bytes.getInt(at) == 0x04034b50;) {
			int nameLength = bytes.getShort(at + 26);
			int start = at + 30 + nameLength;
			int end = start + bytes.getInt(at + 18);
			if (Arrays.equals(Arrays.copyOfRange(zip, at + 30, start), name)) {
				return new int[] { start, end };
			}
			at = end;
		}
		throw new IllegalArgumentException("no entry " + entry);
	}
}
