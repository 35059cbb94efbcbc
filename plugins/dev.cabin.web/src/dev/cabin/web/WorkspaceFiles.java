package dev.cabin.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of the workspace as the browser edits them: a tree, and each file read and saved whole with an ETag
 * (a hash of its bytes). A save names the version it replaces; when the file changed since (another tab or
 * another author saved it), the save is refused with 409 and nothing is written, so no one's work is silently
 * lost. Saves of one server are serialized; each is written to a temporary file and moved over the old one.
 */
final class WorkspaceFiles {

	/** One entry of the tree: its path from the workspace, and whether it is a folder. */
	record Entry(String path, boolean folder) {
	}

	/** A file's text and its version. */
	record Version(byte[] bytes, String etag) {
	}

	private final WorkspacePaths paths;
	private final WebLimits limits;

	WorkspaceFiles(WorkspacePaths paths, WebLimits limits) {
		this.paths = paths;
		this.limits = limits;
	}

	/**
	 * Every folder and file of the workspace in path order, but hidden ones (a name starting with a dot) and links
	 * that lead outside; at most the limit's number of entries.
	 */
	List<Entry> tree() throws IOException, Refusal {
		List<Entry> entries = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(paths.root())) {
			for (Path file : (Iterable<Path>) walk.skip(1).sorted()::iterator) {
				if (isHidden(file) || !leadsInside(file)) {
					continue;
				}
				if (entries.size() == limits.maxTreeEntries()) {
					throw new Refusal(Refusal.TOO_LARGE, "the workspace has more than " + limits.maxTreeEntries()
							+ " files and folders; open a smaller folder");
				}
				entries.add(new Entry(paths.relative(file), Files.isDirectory(file)));
			}
		}
		return entries;
	}

	private boolean isHidden(Path file) {
		for (Path name : paths.root().relativize(file)) {
			if (name.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private boolean leadsInside(Path file) {
		if (!Files.isSymbolicLink(file)) {
			return true;
		}
		try {
			return file.toRealPath().startsWith(paths.root());
		} catch (IOException e) {
			return false;
		}
	}

	Version read(String path) throws IOException, Refusal {
		Path file = regularFile(path);
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(limits.maxFileBytes() + 1);
		}
		if (bytes.length > limits.maxFileBytes()) {
			throw new Refusal(Refusal.TOO_LARGE, path + " is larger than " + limits.maxFileBytes() + " bytes");
		}
		return new Version(bytes, etag(bytes));
	}

	/** Replaces a file's bytes if it is still the version {@code replaces} names; the new version's ETag. */
	synchronized String save(String path, String replaces, byte[] bytes) throws IOException, Refusal {
		if (replaces == null) {
			throw new Refusal(Refusal.PRECONDITION_REQUIRED,
					"a save must name the version it replaces (If-Match: the ETag of the read)");
		}
		Version current = read(path);
		if (!current.etag().equals(replaces)) {
			throw new Refusal(Refusal.CONFLICT, path + " was changed by someone else since it was opened; nothing was "
					+ "saved. Copy your text, reload the file and apply your change again.");
		}
		replace(paths.resolve(path), bytes);
		return etag(bytes);
	}

	/** A new file with the given bytes, or a new folder when {@code bytes} is null; refused when the path exists. */
	synchronized String create(String path, byte[] bytes) throws IOException, Refusal {
		Path file = nonRoot(path);
		try {
			if (bytes == null) {
				Files.createDirectory(file);
				return null;
			}
			Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
			return etag(bytes);
		} catch (FileAlreadyExistsException e) {
			throw new Refusal(Refusal.CONFLICT, path + " already exists");
		} catch (NoSuchFileException e) {
			throw new Refusal(Refusal.NOT_FOUND, "the folder of " + path + " does not exist");
		}
	}

	synchronized void rename(String from, String to) throws IOException, Refusal {
		Path source = nonRoot(from);
		Path target = nonRoot(to);
		if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
			throw new Refusal(Refusal.NOT_FOUND, from + " does not exist");
		}
		try {
			Files.move(source, target);
		} catch (FileAlreadyExistsException e) {
			throw new Refusal(Refusal.CONFLICT, to + " already exists");
		} catch (NoSuchFileException e) {
			throw new Refusal(Refusal.NOT_FOUND, "the folder of " + to + " does not exist");
		}
	}

	/** Deletes a file, or a folder that is empty: a whole tree is never deleted by one click. */
	synchronized void delete(String path) throws IOException, Refusal {
		Path file = nonRoot(path);
		try {
			Files.delete(file);
		} catch (NoSuchFileException e) {
			throw new Refusal(Refusal.NOT_FOUND, path + " does not exist");
		} catch (DirectoryNotEmptyException e) {
			throw new Refusal(Refusal.CONFLICT, path + " is a folder that is not empty");
		}
	}

	/** The workspace file a path names; refused when it is not a file inside the workspace. */
	Path file(String path) throws Refusal {
		return regularFile(path);
	}

	private Path regularFile(String path) throws Refusal {
		Path file = paths.resolve(path);
		if (!Files.isRegularFile(file)) {
			throw new Refusal(Refusal.NOT_FOUND, path + " is not a file of the workspace");
		}
		return file;
	}

	private Path nonRoot(String path) throws Refusal {
		Path file = paths.resolve(path);
		if (file.equals(paths.root())) {
			throw new Refusal(Refusal.FORBIDDEN, "the workspace itself cannot be changed");
		}
		return file;
	}

	/* Readers see the old bytes or the new ones, never a half-written file. */
	private static void replace(Path file, byte[] bytes) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), ".cabin-save-", ".tmp");
		try {
			Files.write(temporary, bytes);
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	static String etag(byte[] bytes) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
