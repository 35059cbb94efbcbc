package dev.cabin.vss.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small .vspec trees for tests. */
final class SpecFiles {

	private final Path root;

	SpecFiles(Path root) {
		this.root = root;
	}

	Path write(String name, String content) {
		try {
			Path file = root.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
