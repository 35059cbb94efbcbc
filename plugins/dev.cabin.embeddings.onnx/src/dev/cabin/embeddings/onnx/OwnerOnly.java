package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Whether a file or folder the car keeps between starts is still its own: it belongs to the user running the car
 * and neither group nor others may write to it. What such a file was checked to be when it was written, it still
 * is, unless the car's own user changed it, and that user could as well replace the car's jars or its key.
 */
final class OwnerOnly {

	private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = Set.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_WRITE);

	private OwnerOnly() {
	}

	/** @throws UnsupportedOperationException on a file system without POSIX permissions */
	static boolean holdsFor(Path path) throws IOException {
		PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
		return attributes.owner().getName().equals(System.getProperty("user.name"))
				&& attributes.permissions().stream().noneMatch(WRITABLE_BY_OTHERS::contains);
	}
}
