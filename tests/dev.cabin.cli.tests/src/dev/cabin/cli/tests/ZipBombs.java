package dev.cabin.cli.tests;

import static dev.cabin.engine.pkg.CanonicalZip.CENTRAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.DEFLATED;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_DATE;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_TIME;
import static dev.cabin.engine.pkg.CanonicalZip.END_RECORD;
import static dev.cabin.engine.pkg.CanonicalZip.LOCAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.STORED;
import static dev.cabin.engine.pkg.CanonicalZip.UTF8_NAMES;
import static dev.cabin.engine.pkg.CanonicalZip.VERSION_NEEDED;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.cabin.engine.pkg.PackageFormat;

/**
 * Packages a few hundred kilobytes on disk that inflate to hundreds of megabytes, in the canonical form a car
 * reads, written without ever holding the inflated bytes.
 */
final class ZipBombs {

	/** An entry as the zip holds it. */
	record Entry(String name, int method, int crc, long size, byte[] data, String sha256) {
	}

	private ZipBombs() {
	}

	/** Megabytes of zeros, deflated chunk by chunk. */
	static Entry zeros(String name, long size) {
		byte[] chunk = new byte[1 << 20];
		CRC32 crc = new CRC32();
		var digest = sha256();
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		byte[] out = new byte[64 * 1024];
		try {
			for (long fed = 0; fed < size; fed += chunk.length) {
				int n = (int) Math.min(chunk.length, size - fed);
				crc.update(chunk, 0, n);
				digest.update(chunk, 0, n);
				deflater.setInput(chunk, 0, n);
				while (!deflater.needsInput()) {
					data.write(out, 0, deflater.deflate(out));
				}
			}
			deflater.finish();
			while (!deflater.finished()) {
				data.write(out, 0, deflater.deflate(out));
			}
		} finally {
			deflater.end();
		}
		return new Entry(name, DEFLATED, (int) crc.getValue(), size, data.toByteArray(),
				java.util.HexFormat.of().formatHex(digest.digest()));
	}

	static Entry stored(String name, byte[] content) {
		CRC32 crc = new CRC32();
		crc.update(content);
		return new Entry(name, STORED, (int) crc.getValue(), content.length, content, PackageFormat.sha256(content));
	}

	/** The entries of a package, read as any zip tool reads them. */
	static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	static byte[] zip(List<Entry> entries) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		ByteArrayOutputStream directory = new ByteArrayOutputStream();
		for (Entry entry : entries) {
			byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
			int offset = zip.size();
			zip.writeBytes(little(30 + name.length).putInt(LOCAL_HEADER).putShort((short) VERSION_NEEDED)
					.putShort((short) UTF8_NAMES).putShort((short) entry.method()).putShort((short) DOS_TIME)
					.putShort((short) DOS_DATE).putInt(entry.crc()).putInt(entry.data().length)
					.putInt((int) entry.size()).putShort((short) name.length).putShort((short) 0).put(name).array());
			zip.writeBytes(entry.data());
			directory.writeBytes(little(46 + name.length).putInt(CENTRAL_HEADER).putShort((short) VERSION_NEEDED)
					.putShort((short) VERSION_NEEDED).putShort((short) UTF8_NAMES).putShort((short) entry.method())
					.putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt(entry.crc())
					.putInt(entry.data().length).putInt((int) entry.size()).putShort((short) name.length)
					.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
					.putInt(offset).put(name).array());
		}
		int directoryOffset = zip.size();
		zip.writeBytes(directory.toByteArray());
		zip.writeBytes(little(22).putInt(END_RECORD).putShort((short) 0).putShort((short) 0)
				.putShort((short) entries.size()).putShort((short) entries.size()).putInt(directory.size())
				.putInt(directoryOffset).putShort((short) 0).array());
		return zip.toByteArray();
	}

	private static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static java.security.MessageDigest sha256() {
		try {
			return java.security.MessageDigest.getInstance("SHA-256");
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
