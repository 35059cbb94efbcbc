package dev.cabin.export.pkg;

import static dev.cabin.engine.pkg.CanonicalZip.CENTRAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.CENTRAL_HEADER_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.DEFLATED;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_DATE;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_TIME;
import static dev.cabin.engine.pkg.CanonicalZip.END_RECORD;
import static dev.cabin.engine.pkg.CanonicalZip.END_RECORD_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.LOCAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.LOCAL_HEADER_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.STORED;
import static dev.cabin.engine.pkg.CanonicalZip.UTF8_NAMES;
import static dev.cabin.engine.pkg.CanonicalZip.VERSION_NEEDED;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import dev.cabin.engine.pkg.CanonicalZip;

/**
 * Writes the zip form of a package in the one canonical way that {@link CanonicalZip} reads back: fixed
 * timestamps, the given entry order, no extra fields, no comments, no data descriptors.
 */
public final class CanonicalZipWriter {

	private CanonicalZipWriter() {
	}

	/**
	 * The zip of the entries in the given order, each deflated unless it is named in {@code uncompressed} or
	 * deflating does not make it smaller.
	 */
	public static byte[] write(Map<String, byte[]> entries, Set<String> uncompressed) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		ByteArrayOutputStream directory = new ByteArrayOutputStream();
		for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
			byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
			byte[] content = entry.getValue();
			byte[] data = uncompressed.contains(entry.getKey()) ? content : stored(content);
			boolean stored = data == content;
			CRC32 crc = new CRC32();
			crc.update(content);
			int offset = zip.size();
			Header header = new Header(stored ? STORED : DEFLATED, (int) crc.getValue(), data.length, content.length,
					name);
			zip.writeBytes(header.local());
			zip.writeBytes(data);
			directory.writeBytes(header.central(offset));
		}
		int directoryOffset = zip.size();
		zip.writeBytes(directory.toByteArray());
		ByteBuffer end = little(END_RECORD_SIZE).putInt(END_RECORD).putShort((short) 0).putShort((short) 0)
				.putShort((short) entries.size()).putShort((short) entries.size()).putInt(directory.size())
				.putInt(directoryOffset).putShort((short) 0);
		zip.writeBytes(end.array());
		return zip.toByteArray();
	}

	/** The bytes {@link #write} stores for content it may compress: deflated, or the content when that is not smaller. */
	public static byte[] stored(byte[] content) {
		byte[] deflated = deflate(content);
		return deflated.length >= content.length ? content : deflated;
	}

	private static byte[] deflate(byte[] content) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(content);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
			byte[] buffer = new byte[64 * 1024];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		} finally {
			deflater.end();
		}
	}

	private record Header(int method, int crc, long compressedSize, long size, byte[] name) {

		byte[] local() {
			ByteBuffer header = little(LOCAL_HEADER_SIZE + name.length).putInt(LOCAL_HEADER)
					.putShort((short) VERSION_NEEDED).putShort((short) UTF8_NAMES).putShort((short) method)
					.putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt(crc).putInt((int) compressedSize)
					.putInt((int) size).putShort((short) name.length).putShort((short) 0);
			return header.put(name).array();
		}

		byte[] central(int localOffset) {
			ByteBuffer header = little(CENTRAL_HEADER_SIZE + name.length).putInt(CENTRAL_HEADER)
					.putShort((short) VERSION_NEEDED).putShort((short) VERSION_NEEDED).putShort((short) UTF8_NAMES)
					.putShort((short) method).putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt(crc)
					.putInt((int) compressedSize).putInt((int) size).putShort((short) name.length)
					.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
					.putInt(localOffset);
			return header.put(name).array();
		}
	}

	private static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}
}
