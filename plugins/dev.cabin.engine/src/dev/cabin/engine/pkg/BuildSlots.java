package dev.cabin.engine.pkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;

import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * A car's A/B build slots in a directory: two slots, {@code a/} and {@code b/}, each holding a verified package
 * and the public key it was verified with, and an {@code active} file naming the slot the engine runs.
 * <p>
 * An install verifies the package, writes it into the slot that is not active, syncs it to disk, verifies what
 * was written, and only then replaces {@code active} by an atomic rename: whenever the process or the power
 * fails, {@code active} names either the old build or the new one, complete. The other slot keeps the
 * previous build for {@link #rollback()}. A lock file keeps two installs from running at once.
 */
public final class BuildSlots {

	static final String ACTIVE = "active";
	static final String PACKAGE = "build" + PackageFormat.FILE_EXTENSION;
	static final String TRUSTED_KEY = "trusted.pub";
	private static final String LOCK = ".lock";
	private static final String PARTIAL = ".part";

	/** What an install or a rollback did. */
	public record Switch(String slot, String version, String previousSlot, String previousVersion) {
	}

	private final Path directory;
	private final SentenceModelFiles models;

	/** @param models the files of the sentence models this runtime embeds queries with, to verify the slots' builds */
	public BuildSlots(Path directory, SentenceModelFiles models) {
		this.directory = directory;
		this.models = models;
	}

	/**
	 * Installs a package into the inactive slot and makes it active.
	 *
	 * @param allowDowngrade whether a version older than the active build's may replace it
	 */
	public Switch install(Path packageFile, PackageVerifier verifier, boolean allowDowngrade)
			throws PackageRejectedException, IOException {
		VerifiedPackage candidate = verifier.verify(packageFile);
		Files.createDirectories(directory);
		try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = exclusive(lockFile)) {
			String active = activeSlot();
			VerifiedPackage current = active == null ? null : loadOrNull(active);
			if (current != null && !allowDowngrade && candidate.version().compareTo(current.version()) < 0) {
				throw new PackageRejectedException("version " + candidate.version() + " is older than the active build "
						+ current.version() + " (a downgrade); install it with --allow-downgrade if that is intended");
			}
			String target = other(active);
			Path slot = directory.resolve(target);
			clear(slot);
			Files.createDirectories(slot);
			writeDurably(slot.resolve(TRUSTED_KEY), Ed25519Keys.pem(verifier.trusted()).getBytes(StandardCharsets.US_ASCII));
			writeDurably(slot.resolve(PACKAGE), candidate.bytes());
			syncDirectory(slot);
			VerifiedPackage written = verifier.verify(slot.resolve(PACKAGE));
			point(target);
			return new Switch(target, written.manifest().version(), active,
					current == null ? null : current.manifest().version());
		}
	}

	/** Makes the previous build active again, if it still verifies. */
	public Switch rollback() throws PackageRejectedException, IOException {
		if (!Files.isDirectory(directory)) {
			throw new PackageRejectedException("no build slots at " + directory);
		}
		try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = exclusive(lockFile)) {
			String active = activeSlot();
			if (active == null) {
				throw new PackageRejectedException("nothing is installed in " + directory);
			}
			String previous = other(active);
			if (!Files.isRegularFile(directory.resolve(previous).resolve(PACKAGE))) {
				throw new PackageRejectedException("there is no previous build to roll back to in " + directory);
			}
			VerifiedPackage back;
			try {
				back = loadSlot(previous, null);
			} catch (PackageRejectedException e) {
				throw new PackageRejectedException("the previous build (slot " + previous + ") does not verify: "
						+ e.getMessage());
			}
			VerifiedPackage leaving = loadOrNull(active);
			point(previous);
			return new Switch(previous, back.manifest().version(), active,
					leaving == null ? null : leaving.manifest().version());
		}
	}

	/**
	 * The verified package of the active slot.
	 *
	 * @param trusted the key to verify with; {@code null} uses the key the slot was installed with
	 */
	public VerifiedPackage active(PublicKey trusted) throws PackageRejectedException, IOException {
		String active = activeSlot();
		if (active == null) {
			throw new PackageRejectedException("nothing is installed in " + directory
					+ " (install a package with cabin install first)");
		}
		try {
			return loadSlot(active, trusted);
		} catch (PackageRejectedException e) {
			throw new PackageRejectedException("the active build (slot " + active + ") does not verify: "
					+ e.getMessage() + "; cabin rollback returns to the previous build", e);
		}
	}

	/** The active slot's name, or {@code null} when nothing was installed. */
	public String activeSlot() throws PackageRejectedException, IOException {
		Path pointer = directory.resolve(ACTIVE);
		String slot;
		try {
			slot = Files.readString(pointer, StandardCharsets.US_ASCII).strip();
		} catch (NoSuchFileException e) {
			return null;
		}
		if (!slot.equals("a") && !slot.equals("b")) {
			throw new PackageRejectedException(pointer + " names no slot (\"a\" or \"b\"); it was altered");
		}
		return slot;
	}

	private VerifiedPackage loadSlot(String slot, PublicKey trusted) throws PackageRejectedException, IOException {
		Path dir = directory.resolve(slot);
		PublicKey key = trusted;
		if (key == null) {
			try {
				key = Ed25519Keys.readPublicKey(dir.resolve(TRUSTED_KEY));
			} catch (KeyFileException e) {
				throw new PackageRejectedException(e.getMessage(), e);
			}
		}
		return new PackageVerifier(key, models).verify(dir.resolve(PACKAGE));
	}

	/* A slot that no longer verifies (damaged on disk) holds no version worth protecting or naming. */
	private VerifiedPackage loadOrNull(String slot) throws IOException {
		try {
			return loadSlot(slot, null);
		} catch (PackageRejectedException e) {
			return null;
		}
	}

	private static String other(String slot) {
		return "a".equals(slot) ? "b" : "a";
	}

	private static FileLock exclusive(FileChannel channel) throws PackageRejectedException, IOException {
		try {
			FileLock lock = channel.tryLock();
			if (lock != null) {
				return lock;
			}
		} catch (OverlappingFileLockException e) {
			// held by this process: another install in progress here
		}
		throw new PackageRejectedException("another install or rollback is running on these slots");
	}

	/** Points {@code active} at the slot with one atomic rename, synced to disk. */
	private void point(String slot) throws IOException {
		Path pointer = directory.resolve(ACTIVE);
		Path partial = directory.resolve(ACTIVE + PARTIAL);
		writeSynced(partial, (slot + "\n").getBytes(StandardCharsets.US_ASCII));
		moveAtomically(partial, pointer);
		syncDirectory(directory);
	}

	private static void writeDurably(Path file, byte[] content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
		writeSynced(partial, content);
		moveAtomically(partial, file);
	}

	private static void writeSynced(Path file, byte[] content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	private static void moveAtomically(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			throw new IOException("the file system of " + to.getParent() + " cannot rename atomically; build slots"
					+ " need one that can", e);
		}
	}

	/* A rename is durable only once its directory is synced; some platforms cannot open a directory to sync it. */
	private static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException e) {
			// not supported on this platform (e.g. Windows): the rename is still atomic
		}
	}

	private static void clear(Path slot) throws IOException {
		if (!Files.isDirectory(slot)) {
			return;
		}
		try (var files = Files.list(slot)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.delete(file);
			}
		}
	}
}
