package dev.cabin.engine.pkg;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the data of {@link CanonicalZip#directory checked} entries in chunks of {@value #CHUNK} bytes: the hash of
 * an entry's stored bytes without inflating them, and its content inflated while it is hashed, never past the
 * size it declares. Only what the caller keeps (the manifest, the IR) is held whole.
 */
final class EntryReader {

	private static final int CHUNK = 64 * 1024;

	/** @param sha256 the hash of the content; @param bytes the content, when it was kept */
	record Content(String sha256, byte[] bytes) {
	}

	private final PackageBytes zip;

	EntryReader(PackageBytes zip) {
		this.zip = zip;
	}

	/** The SHA-256 of the entry's bytes as the zip holds them (deflated or not); nothing is inflated. */
	String storedSha256(CanonicalZip.Entry entry) throws IOException {
		MessageDigest digest = PackageFormat.sha256Digest();
		readInChunks(entry.dataOffset(), entry.compressedSize(), (chunk, n) -> digest.update(chunk, 0, n));
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The entry's content, inflated chunk by chunk into its hash and checked against its declared size and CRC.
	 *
	 * @param keep whether to keep the content (the caller bounds the declared size of what it keeps)
	 */
	Content content(CanonicalZip.Entry entry, boolean keep) throws PackageRejectedException, IOException {
		Sink sink = new Sink(keep ? new byte[(int) entry.size()] : null);
		if (entry.compressed()) {
			inflate(entry, sink);
		} else {
			readInChunks(entry.dataOffset(), entry.size(), sink::accept);
		}
		if ((int) sink.crc.getValue() != entry.crc()) {
			throw new PackageRejectedException("entry \"" + entry.name() + "\" is damaged (its zip CRC does not match)");
		}
		return new Content(HexFormat.of().formatHex(sink.digest.digest()), sink.kept);
	}

	/** Bytes of the package as they are stored, one chunk at a time. */
	private void readInChunks(long offset, long length, ChunkConsumer consumer) throws IOException {
		byte[] chunk = new byte[CHUNK];
		for (long done = 0; done < length;) {
			int n = (int) Math.min(CHUNK, length - done);
			zip.read(offset + done, chunk, 0, n);
			consumer.accept(chunk, n);
			done += n;
		}
	}

	private interface ChunkConsumer {
		void accept(byte[] chunk, int length);
	}

	/* Stops as soon as the output passes the declared size, so that a lying size cannot make a bomb go off. */
	private void inflate(CanonicalZip.Entry entry, Sink sink) throws PackageRejectedException, IOException {
		Inflater inflater = new Inflater(true);
		byte[] input = new byte[CHUNK];
		byte[] output = new byte[CHUNK];
		long consumed = 0;
		long produced = 0;
		try {
			while (!inflater.finished()) {
				if (inflater.needsInput()) {
					if (consumed == entry.compressedSize()) {
						break;
					}
					int n = (int) Math.min(CHUNK, entry.compressedSize() - consumed);
					zip.read(entry.dataOffset() + consumed, input, 0, n);
					inflater.setInput(input, 0, n);
					consumed += n;
				}
				int n = inflater.inflate(output);
				if (n == 0 && inflater.needsDictionary()) {
					break;
				}
				produced += n;
				if (produced > entry.size()) {
					throw new PackageRejectedException("entry \"" + entry.name() + "\" inflates to more than the "
							+ entry.size() + " bytes it declares (a zip bomb, or a damaged entry)");
				}
				sink.accept(output, n);
			}
			if (!inflater.finished() || produced != entry.size() || inflater.getRemaining() != 0
					|| consumed != entry.compressedSize()) {
				throw new PackageRejectedException("entry \"" + entry.name() + "\" does not inflate to the "
						+ entry.size() + " bytes it declares (damaged or truncated)");
			}
		} catch (DataFormatException e) {
			throw new PackageRejectedException("entry \"" + entry.name() + "\" is damaged (invalid deflate data)");
		} finally {
			inflater.end();
		}
	}

	private static final class Sink {

		final MessageDigest digest = PackageFormat.sha256Digest();
		final CRC32 crc = new CRC32();
		/* Sized by the declared size, which the readers check before they accept more. */
		final byte[] kept;
		private int filled;

		Sink(byte[] kept) {
			this.kept = kept;
		}

		void accept(byte[] bytes, int length) {
			digest.update(bytes, 0, length);
			crc.update(bytes, 0, length);
			if (kept != null) {
				System.arraycopy(bytes, 0, kept, filled, length);
				filled += length;
			}
		}
	}
}
