package dev.cabin.cli.tests;

import static dev.cabin.engine.pkg.CanonicalZip.CENTRAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.CENTRAL_HEADER_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.DEFLATED;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_DATE;
import static dev.cabin.engine.pkg.CanonicalZip.DOS_TIME;
import static dev.cabin.engine.pkg.CanonicalZip.END_RECORD;
import static dev.cabin.engine.pkg.CanonicalZip.END_RECORD_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.LOCAL_HEADER;
import static dev.cabin.engine.pkg.CanonicalZip.LOCAL_HEADER_SIZE;
import static dev.cabin.engine.pkg.CanonicalZip.UTF8_NAMES;
import static dev.cabin.engine.pkg.CanonicalZip.VERSION_NEEDED;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An unsigned package in the canonical zip form whose entries are zeros that deflate a thousandfold: within the
 * package limits as declared, far more than a small heap once inflated. Built without ever holding the zeros.
 */
final class ZipBomb {

	private static final int MIB = 1 << 20;

	private ZipBomb() {
	}

	/** The zip of entries of the given number of MiB of zeros each, in the given order. */
	static byte[] of(Map<String, Integer> mibOfZeros) {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		ByteArrayOutputStream directory = new ByteArrayOutputStream();
		for (Map.Entry<String, Integer> entry : mibOfZeros.entrySet()) {
			byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
			long size = (long) entry.getValue() * MIB;
			CRC32 crc = new CRC32();
			byte[] data = deflatedZeros(entry.getValue(), crc);
			int offset = zip.size();
			zip.writeBytes(little(LOCAL_HEADER_SIZE).putInt(LOCAL_HEADER).putShort((short) VERSION_NEEDED)
					.putShort((short) UTF8_NAMES).putShort((short) DEFLATED).putShort((short) DOS_TIME)
					.putShort((short) DOS_DATE).putInt((int) crc.getValue()).putInt(data.length).putInt((int) size)
					.putShort((short) name.length).putShort((short) 0).array());
			zip.writeBytes(name);
			zip.writeBytes(data);
			directory.writeBytes(little(CENTRAL_HEADER_SIZE).putInt(CENTRAL_HEADER).putShort((short) VERSION_NEEDED)
					.putShort((short) VERSION_NEEDED).putShort((short) UTF8_NAMES).putShort((short) DEFLATED)
					.putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt((int) crc.getValue())
					.putInt(data.length).putInt((int) size).putShort((short) name.length).putShort((short) 0)
					.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).array());
			directory.writeBytes(name);
		}
		int directoryOffset = zip.size();
		zip.writeBytes(directory.toByteArray());
		zip.writeBytes(little(END_RECORD_SIZE).putInt(END_RECORD).putShort((short) 0).putShort((short) 0)
				.putShort((short) mibOfZeros.size()).putShort((short) mibOfZeros.size()).putInt(directory.size())
				.putInt(directoryOffset).putShort((short) 0).array());
		return zip.toByteArray();
	}

	private static byte[] deflatedZeros(int mib, CRC32 crc) {
		byte[] zeros = new byte[MIB];
		byte[] buffer = new byte[64 * 1024];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			for (int i = 0; i < mib; i++) {
				crc.update(zeros);
				deflater.setInput(zeros);
				while (!deflater.needsInput()) {
					out.write(buffer, 0, deflater.deflate(buffer));
				}
			}
			deflater.finish();
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		} finally {
			deflater.end();
		}
	}

	private static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}
}
