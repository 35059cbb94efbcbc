package dev.cabin.web.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.cabin.testing.Repository;

/** A workspace of copies of example folders, for tests that change files (a saved conversation test). */
final class ExampleWorkspace {

	private ExampleWorkspace() {
	}

	/** Copies the named folders of {@code examples} into the workspace folder; returns it. */
	static Path of(Path workspace, String... exampleFolders) throws IOException {
		for (String folder : exampleFolders) {
			Path from = Repository.file("examples/" + folder);
			try (Stream<Path> files = Files.walk(from)) {
				for (Path file : (Iterable<Path>) files::iterator) {
					Path target = workspace.resolve(folder).resolve(from.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					} else {
						Files.copy(file, target);
					}
				}
			}
		}
		return workspace;
	}
}
