package dev.cabin.engine.pkg;

import dev.cabin.language.StrictUtf8;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The zip form of a package: a plain zip that any unzip tool lists, written in one canonical way (fixed
 * timestamps, the given entry order, no extra fields, no comments, no data descriptors; the toolchain's
 * {@code CanonicalZipWriter} writes it with the constants below) and read back only in that way. Reading parses
 * the central directory and every local header itself instead of trusting {@code java.util.zip}, so that
 * duplicate names, overlapping or hidden entries, prepended or appended bytes, encrypted or ZIP64 entries,
 * escaping paths and sizes beyond the limits are all refused before a byte is inflated; {@link EntryReader}
 * reads the entries' data.
 */
public final class CanonicalZip {

	public static final int LOCAL_HEADER = 0x04034b50;
	public static final int CENTRAL_HEADER = 0x02014b50;
	public static final int END_RECORD = 0x06054b50;
	public static final int LOCAL_HEADER_SIZE = 30;
	public static final int CENTRAL_HEADER_SIZE = 46;
	public static final int END_RECORD_SIZE = 22;
	public static final int VERSION_NEEDED = 20;
	public static final int UTF8_NAMES = 0x0800;
	public static final int STORED = 0;
	public static final int DEFLATED = 8;
	/* The longest name a zip header can hold: bounds the directory read into memory. */
	private static final int MAX_NAME_BYTES = 0xFFFF;
	/** 1980-01-01 00:00, the earliest time a zip can hold: no build time leaks into the bytes. */
	public static final int DOS_TIME = 0;
	public static final int DOS_DATE = (1 << 5) | 1;

	private CanonicalZip() {
	}

	/**
	 * An entry as its headers describe it, checked: where its data lies in the package and what it declares.
	 *
	 * @param dataOffset where the entry's stored bytes begin in the package
	 */
	record Entry(String name, int method, int crc, long compressedSize, long size, long dataOffset) {

		boolean compressed() {
			return method == DEFLATED;
		}
	}

	/**
	 * The entries of a package in file order, every header checked and the declared sizes added up against the
	 * limits, or a rejection that names the first thing wrong. Reads headers only: nothing is inflated.
	 */
	static List<Entry> directory(PackageBytes zip, PackageLimits limits) throws PackageRejectedException, IOException {
		if (zip.size() > limits.maxPackageBytes()) {
			throw new PackageRejectedException("the package is " + zip.size() + " bytes, more than the "
					+ limits.maxPackageBytes() + " a Cabin package may have");
		}
		long endOffset = zip.size() - END_RECORD_SIZE;
		ByteBuffer end = endOffset < 0 ? null : little(zip.read(endOffset, END_RECORD_SIZE));
		if (end == null || end.getInt(0) != END_RECORD) {
			throw new PackageRejectedException("not a complete Cabin package: the zip end record is not at the end"
					+ " of the file (the file is truncated, has bytes appended, or is not a package)");
		}
		int entryCount = Short.toUnsignedInt(end.getShort(10));
		long directorySize = Integer.toUnsignedLong(end.getInt(12));
		long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
		if (end.getShort(4) != 0 || end.getShort(6) != 0 || Short.toUnsignedInt(end.getShort(8)) != entryCount
				|| end.getShort(20) != 0) {
			throw new PackageRejectedException("the zip end record uses multi-part archives or a comment, which a"
					+ " Cabin package never has");
		}
		if (entryCount > limits.maxEntries()) {
			throw new PackageRejectedException("the package has " + entryCount + " entries; a Cabin package has at most "
					+ limits.maxEntries());
		}
		if (directoryOffset + directorySize != endOffset
				|| directorySize > (long) entryCount * (CENTRAL_HEADER_SIZE + MAX_NAME_BYTES)) {
			throw new PackageRejectedException("the zip directory is not where the end record says it is (the file"
					+ " was truncated or altered)");
		}
		ByteBuffer directory = little(zip.read(directoryOffset, (int) directorySize));
		List<Entry> entries = new ArrayList<>();
		Set<String> folded = new HashSet<>();
		long expectedLocalOffset = 0;
		long totalSize = 0;
		int position = 0;
		for (int i = 0; i < entryCount; i++) {
			CentralEntry entry = centralEntry(directory, position);
			position += CENTRAL_HEADER_SIZE + entry.name.length;
			String name = checkedName(entry.name);
			if (!folded.add(name.toLowerCase(Locale.ROOT))) {
				throw new PackageRejectedException("entry \"" + name + "\" appears twice in the package");
			}
			if (entry.size > limits.maxEntryBytes()) {
				throw new PackageRejectedException("entry \"" + name + "\" declares " + entry.size
						+ " bytes uncompressed, more than the " + limits.maxEntryBytes() + " an entry may have");
			}
			totalSize += entry.size;
			if (totalSize > limits.maxTotalBytes()) {
				throw new PackageRejectedException("the entries declare more than " + limits.maxTotalBytes()
						+ " bytes uncompressed in total");
			}
			if (entry.method == STORED && entry.compressedSize != entry.size) {
				throw new PackageRejectedException("entry \"" + name + "\" is stored with two different sizes");
			}
			if (entry.localOffset != expectedLocalOffset) {
				throw new PackageRejectedException("entry \"" + name + "\" does not start where the previous one ends"
						+ " (hidden, overlapping or prepended data)");
			}
			long dataOffset = checkLocalHeader(zip, entry, name, directoryOffset);
			expectedLocalOffset = dataOffset + entry.compressedSize;
			entries.add(new Entry(name, entry.method, entry.crc, entry.compressedSize, entry.size, dataOffset));
		}
		if (position != directorySize || expectedLocalOffset != directoryOffset) {
			throw new PackageRejectedException("the package has bytes that belong to no entry (hidden data)");
		}
		return entries;
	}

	private record CentralEntry(int flags, int method, int crc, long compressedSize, long size, long localOffset,
			byte[] name) {
	}

	private static CentralEntry centralEntry(ByteBuffer bytes, int position) throws PackageRejectedException {
		int endOffset = bytes.capacity();
		if (position + CENTRAL_HEADER_SIZE > endOffset || bytes.getInt(position) != CENTRAL_HEADER) {
			throw new PackageRejectedException("the zip directory is damaged (an entry header is missing)");
		}
		int nameLength = Short.toUnsignedInt(bytes.getShort(position + 28));
		int extraLength = Short.toUnsignedInt(bytes.getShort(position + 30));
		int commentLength = Short.toUnsignedInt(bytes.getShort(position + 32));
		if (position + CENTRAL_HEADER_SIZE + nameLength > endOffset) {
			throw new PackageRejectedException("the zip directory is damaged (an entry name runs past its end)");
		}
		byte[] name = new byte[nameLength];
		bytes.get(position + CENTRAL_HEADER_SIZE, name);
		CentralEntry entry = new CentralEntry(Short.toUnsignedInt(bytes.getShort(position + 8)),
				Short.toUnsignedInt(bytes.getShort(position + 10)), bytes.getInt(position + 16),
				Integer.toUnsignedLong(bytes.getInt(position + 20)), Integer.toUnsignedLong(bytes.getInt(position + 24)),
				Integer.toUnsignedLong(bytes.getInt(position + 42)), name);
		String shown = new String(name, StandardCharsets.UTF_8);
		if (extraLength != 0 || commentLength != 0 || bytes.getShort(position + 34) != 0
				|| bytes.getShort(position + 4) != VERSION_NEEDED || bytes.getShort(position + 6) != VERSION_NEEDED) {
			throw new PackageRejectedException("entry \"" + shown + "\" uses zip features (extra fields, comments,"
					+ " ZIP64, multi-part) that a Cabin package never has");
		}
		if (bytes.getShort(position + 12) != DOS_TIME || bytes.getShort(position + 14) != DOS_DATE
				|| bytes.getShort(position + 36) != 0 || bytes.getInt(position + 38) != 0) {
			throw new PackageRejectedException("entry \"" + shown + "\" has a timestamp or attributes that the"
					+ " toolchain never writes (the package was altered)");
		}
		checkFlagsAndMethod(entry.flags, entry.method, shown);
		return entry;
	}

	private static void checkFlagsAndMethod(int flags, int method, String name) throws PackageRejectedException {
		if ((flags & 1) != 0) {
			throw new PackageRejectedException("entry \"" + name + "\" is encrypted; a Cabin package never is");
		}
		if (flags != UTF8_NAMES) {
			throw new PackageRejectedException("entry \"" + name + "\" has zip flags 0x" + Integer.toHexString(flags)
					+ " that a Cabin package never has");
		}
		if (method != STORED && method != DEFLATED) {
			throw new PackageRejectedException("entry \"" + name + "\" uses compression method " + method
					+ "; a Cabin package only stores or deflates");
		}
	}

	/** Checks that the local header repeats the directory's facts; returns where the entry's data begins. */
	private static long checkLocalHeader(PackageBytes zip, CentralEntry entry, String name, long directoryOffset)
			throws PackageRejectedException, IOException {
		long at = entry.localOffset;
		if (at + LOCAL_HEADER_SIZE + entry.name.length > directoryOffset) {
			throw new PackageRejectedException("entry \"" + name + "\" has no local header where the directory says");
		}
		ByteBuffer bytes = little(zip.read(at, LOCAL_HEADER_SIZE + entry.name.length));
		if (bytes.getInt(0) != LOCAL_HEADER) {
			throw new PackageRejectedException("entry \"" + name + "\" has no local header where the directory says");
		}
		int nameLength = Short.toUnsignedInt(bytes.getShort(26));
		byte[] localName = new byte[entry.name.length];
		bytes.get(LOCAL_HEADER_SIZE, localName);
		boolean same = bytes.getShort(4) == VERSION_NEEDED && bytes.getShort(10) == DOS_TIME
				&& bytes.getShort(12) == DOS_DATE && Short.toUnsignedInt(bytes.getShort(6)) == entry.flags
				&& Short.toUnsignedInt(bytes.getShort(8)) == entry.method && bytes.getInt(14) == entry.crc
				&& Integer.toUnsignedLong(bytes.getInt(18)) == entry.compressedSize
				&& Integer.toUnsignedLong(bytes.getInt(22)) == entry.size && bytes.getShort(28) == 0
				&& nameLength == entry.name.length && Arrays.equals(localName, entry.name);
		if (!same) {
			throw new PackageRejectedException("entry \"" + name + "\": its local header disagrees with the zip"
					+ " directory (name, sizes, checksum or timestamp were altered)");
		}
		long dataEnd = at + LOCAL_HEADER_SIZE + nameLength + entry.compressedSize;
		if (dataEnd > directoryOffset) {
			throw new PackageRejectedException("entry \"" + name + "\" runs past the end of the data (truncated)");
		}
		return at + LOCAL_HEADER_SIZE + nameLength;
	}

	/** A relative path of plain segments: nothing that could land outside the directory it is unpacked in. */
	private static String checkedName(byte[] raw) throws PackageRejectedException {
		StrictUtf8.Decoded decoded = StrictUtf8.decode(raw);
		if (!decoded.valid()) {
			throw new PackageRejectedException("an entry name is not valid UTF-8");
		}
		String name = decoded.text();
		if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
			throw new PackageRejectedException("entry \"" + name + "\" has an absolute path");
		}
		if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
			throw new PackageRejectedException("entry \"" + name + "\" has control characters or backslashes in its name");
		}
		for (String segment : name.split("/", -1)) {
			if (segment.equals("..")) {
				throw new PackageRejectedException("entry \"" + name + "\" has a \"..\" path that leads out of the"
						+ " package");
			}
			if (segment.isEmpty() || segment.equals(".")) {
				throw new PackageRejectedException("entry \"" + name + "\" is not a plain relative path");
			}
		}
		return name;
	}

	private static ByteBuffer little(byte[] bytes) {
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}
}
