package dev.cabin.engine.pkg;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.function.Consumer;

/**
 * A car's build slots in a directory: slot directories {@code a/}, {@code b/} and {@code c/}, each holding at most
 * one package, and an {@code active} file naming the slot the engine runs and, on its second line, the slot of
 * the previous build, kept for {@link #rollback} ({@code none} before the second install).
 * <p>
 * An install writes the new build into the slot that is neither active nor previous, syncs it to disk, verifies
 * what was written (extracting its models into the slot, {@link #keepingModels}), and only then replaces {@code active} (both names at once) by an atomic rename; the build
 * that was previous before is deleted after that. Whenever the process or the power fails, {@code active} names
 * a complete build and its previous build is still there. A lock file keeps two installs from running at once.
 * <p>
 * The slots hold no key: every build is verified with the key the caller trusts (the car's pinned key), never
 * with anything found in the slot directory, which whoever can write there could replace.
 */
public final class BuildSlots {

	static final String ACTIVE = "active";
	static final String PACKAGE = "build" + PackageFormat.FILE_EXTENSION;
	private static final List<String> SLOTS = List.of("a", "b", "c");
	private static final String LOCK = ".lock";
	private static final String PARTIAL = ".part";
	private static final String NONE = "none";

	/** What an install or a rollback did. */
	public record Switch(String slot, String version, String previousSlot, String previousVersion) {
	}

	/**
	 * The steps of an install (a rollback takes POINTER_WRITTEN and SWITCHED), each complete on disk when
	 * {@link BuildSlots#BuildSlots(Path, Consumer)} is told.
	 */
	public enum Step {
		/** the slot for the new build emptied */
		SLOT_CLEARED,
		/** the new build written and synced beside its final name */
		PACKAGE_WRITTEN,
		/** the new build renamed to its final name */
		PACKAGE_IN_PLACE,
		/** the new {@code active} file written and synced beside it */
		POINTER_WRITTEN,
		/** {@code active} replaced: the build it names runs, the one it replaced is the previous build */
		SWITCHED,
		/** the build that is no longer kept deleted */
		OLDEST_DROPPED
	}

	/** What must hold of a written build before it becomes active, e.g. that it loads and answers. */
	@FunctionalInterface
	public interface BeforeSwitch {
		/** Throws to keep the build that is active now. */
		void check(VerifiedPackage written) throws PackageRejectedException;
	}

	/* The active slot, and the previous one (null when there is none). */
	private record Pointer(String active, String previous) {
	}

	private final Path directory;
	private final Consumer<Step> afterStep;
	private final SlotModels models;

	public BuildSlots(Path directory) {
		this(directory, step -> {
		});
	}

	/**
	 * @param afterStep told after each step of an install or a rollback, once it is on disk; a test throws from
	 *        it to see what a crash at that point leaves
	 */
	public BuildSlots(Path directory, Consumer<Step> afterStep) {
		this(directory, afterStep, null);
	}

	private BuildSlots(Path directory, Consumer<Step> afterStep, SlotModels models) {
		this.directory = directory;
		this.afterStep = afterStep;
		this.models = models;
	}

	/**
	 * These slots, with the model files of each build kept in its slot: an install extracts them, as the package
	 * written there is verified and before it becomes active, and the active build is verified with them.
	 */
	public BuildSlots keepingModels(SlotModels slotModels) {
		return new BuildSlots(directory, afterStep, slotModels);
	}

	/**
	 * Installs a package into a free slot and makes it active; the build that was active becomes the previous one.
	 *
	 * @param verifier the verifier with the car's pinned key
	 * @param allowDowngrade whether a version older than the active build's may replace it
	 */
	public Switch install(Path packageFile, PackageVerifier verifier, boolean allowDowngrade)
			throws PackageRejectedException, IOException {
		return install(packageFile, verifier, allowDowngrade, written -> {
		});
	}

	/**
	 * Installs a package as {@link #install(Path, PackageVerifier, boolean)} does, switching to it only if it
	 * passes a check once written; otherwise its slot is emptied and the active build stays active.
	 */
	public Switch install(Path packageFile, PackageVerifier verifier, boolean allowDowngrade, BeforeSwitch check)
			throws PackageRejectedException, IOException {
		VerifiedPackage candidate = verifier.verify(packageFile);
		Files.createDirectories(directory);
		try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = exclusive(lockFile)) {
			Pointer pointer = pointer();
			VerifiedPackage current = pointer == null ? null : verifiedOrNull(pointer.active(), verifier);
			if (current != null && !allowDowngrade && candidate.version().compareTo(current.version()) < 0) {
				throw new PackageRejectedException("version " + candidate.version() + " is older than the active build "
						+ current.version() + " (a downgrade); install it with --allow-downgrade if that is intended");
			}
			String target = SLOTS.stream().filter(s -> pointer == null || !s.equals(pointer.active())
					&& !s.equals(pointer.previous())).findFirst().orElseThrow();
			Path slot = directory.resolve(target);
			delete(slot);
			Files.createDirectories(slot);
			afterStep.accept(Step.SLOT_CLEARED);
			Path partial = slot.resolve(PACKAGE + PARTIAL);
			try (InputStream in = Files.newInputStream(packageFile)) {
				Files.copy(in, partial);
			}
			sync(partial);
			afterStep.accept(Step.PACKAGE_WRITTEN);
			moveAtomically(partial, slot.resolve(PACKAGE));
			syncDirectory(slot);
			afterStep.accept(Step.PACKAGE_IN_PLACE);
			VerifiedPackage written;
			try {
				written = (models == null ? verifier : verifier.withModels(models.extractingInto(slot)))
						.verify(slot.resolve(PACKAGE));
			} catch (PackageRejectedException e) {
				delete(slot);
				throw new PackageRejectedException("the build did not verify once written to slot " + target + ": "
						+ e.getMessage(), e);
			}
			try {
				check.check(written);
			} catch (PackageRejectedException e) {
				delete(slot);
				throw e;
			}
			point(new Pointer(target, pointer == null ? null : pointer.active()));
			if (pointer != null && pointer.previous() != null) {
				delete(directory.resolve(pointer.previous()));
				afterStep.accept(Step.OLDEST_DROPPED);
			}
			return new Switch(target, written.manifest().version(), pointer == null ? null : pointer.active(),
					current == null ? null : current.manifest().version());
		}
	}

	/** Makes the previous build active again, if it still verifies with the verifier's key. */
	public Switch rollback(PackageVerifier verifier) throws PackageRejectedException, IOException {
		if (!Files.isDirectory(directory)) {
			throw new PackageRejectedException("no build slots at " + directory);
		}
		try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = exclusive(lockFile)) {
			Pointer pointer = pointer();
			if (pointer == null) {
				throw new PackageRejectedException("nothing is installed in " + directory);
			}
			String previous = pointer.previous();
			if (previous == null || !Files.isRegularFile(directory.resolve(previous).resolve(PACKAGE))) {
				throw new PackageRejectedException("there is no previous build to roll back to in " + directory);
			}
			VerifiedPackage back;
			try {
				back = verifier.verify(directory.resolve(previous).resolve(PACKAGE));
			} catch (PackageRejectedException e) {
				throw new PackageRejectedException("the previous build (slot " + previous + ") does not verify: "
						+ e.getMessage());
			}
			VerifiedPackage leaving = verifiedOrNull(pointer.active(), verifier);
			point(new Pointer(previous, pointer.active()));
			return new Switch(previous, back.manifest().version(), pointer.active(),
					leaving == null ? null : leaving.manifest().version());
		}
	}

	/**
	 * The verified package of the active slot.
	 *
	 * @param verifier the verifier with the car's pinned key
	 */
	public VerifiedPackage active(PackageVerifier verifier) throws PackageRejectedException, IOException {
		String active = activeSlot();
		if (active == null) {
			throw new PackageRejectedException("nothing is installed in " + directory
					+ " (install a package with cabin install first)");
		}
		try {
			Path slot = directory.resolve(active);
			return (models == null ? verifier : verifier.withModels(models.installedIn(slot)))
					.verify(slot.resolve(PACKAGE));
		} catch (PackageRejectedException e) {
			throw new PackageRejectedException("the active build (slot " + active + ") does not verify: "
					+ e.getMessage() + "; cabin rollback returns to the previous build", e);
		}
	}

	/** The file of the active build, or {@code null} when nothing was installed; verify it before trusting it. */
	public Path activePackageFile() throws PackageRejectedException, IOException {
		String active = activeSlot();
		return active == null ? null : directory.resolve(active).resolve(PACKAGE);
	}

	/** The active slot's name, or {@code null} when nothing was installed. */
	public String activeSlot() throws PackageRejectedException, IOException {
		Pointer pointer = pointer();
		return pointer == null ? null : pointer.active();
	}

	/** The previous build's slot, or {@code null} when there is none to roll back to. */
	public String previousSlot() throws PackageRejectedException, IOException {
		Pointer pointer = pointer();
		return pointer == null ? null : pointer.previous();
	}

	/*
	 * Two lines: the active slot, then the previous one or "none". Slots installed before there was a third slot
	 * have one line, and the previous build is the other of a and b, if it is there.
	 */
	private Pointer pointer() throws PackageRejectedException, IOException {
		Path file = directory.resolve(ACTIVE);
		List<String> lines;
		try {
			lines = Files.readString(file, StandardCharsets.US_ASCII).lines().map(String::strip).toList();
		} catch (NoSuchFileException e) {
			return null;
		}
		String active = lines.isEmpty() ? "" : lines.get(0);
		String previous = lines.size() == 2 ? lines.get(1) : legacyPrevious(active);
		boolean valid = (lines.size() == 1 || lines.size() == 2) && SLOTS.contains(active)
				&& (previous.equals(NONE) || SLOTS.contains(previous) && !previous.equals(active));
		if (!valid) {
			throw new PackageRejectedException(file + " names no slot (\"a\", \"b\" or \"c\", then the previous"
					+ " one or " + NONE + "); it was altered");
		}
		return new Pointer(active, previous.equals(NONE) ? null : previous);
	}

	private String legacyPrevious(String active) {
		String other = "a".equals(active) ? "b" : "a";
		return Files.isRegularFile(directory.resolve(other).resolve(PACKAGE)) ? other : NONE;
	}

	/* A slot that no longer verifies (damaged on disk) holds no version worth protecting or naming. */
	private VerifiedPackage verifiedOrNull(String slot, PackageVerifier verifier) {
		try {
			return verifier.verify(directory.resolve(slot).resolve(PACKAGE));
		} catch (PackageRejectedException e) {
			return null;
		}
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

	/** Replaces {@code active} with one atomic rename, synced to disk. */
	private void point(Pointer pointer) throws IOException {
		Path partial = directory.resolve(ACTIVE + PARTIAL);
		Files.writeString(partial, pointer.active() + "\n" + (pointer.previous() == null ? NONE : pointer.previous())
				+ "\n", StandardCharsets.US_ASCII);
		sync(partial);
		afterStep.accept(Step.POINTER_WRITTEN);
		moveAtomically(partial, directory.resolve(ACTIVE));
		syncDirectory(directory);
		afterStep.accept(Step.SWITCHED);
	}

	private static void sync(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
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

	/* A slot holds files only (a package, its models, partial ones, or the key file older installs kept). */
	private static void delete(Path slot) throws IOException {
		if (!Files.isDirectory(slot)) {
			return;
		}
		try (var files = Files.list(slot)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.delete(file);
			}
		}
		Files.delete(slot);
	}
}
