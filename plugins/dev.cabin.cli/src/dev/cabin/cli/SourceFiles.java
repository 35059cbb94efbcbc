package dev.cabin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cabin.car.UsageException;
import dev.cabin.dsl.load.SourcePolicy;

/**
 * The .cabin files that command-line arguments name: files as given, directories searched recursively (every
 * entry named {@code *.cabin} that is not a directory: one that is not a regular file is reported by the load).
 */
final class SourceFiles {

	private SourceFiles() {
	}

	static List<Path> expand(List<String> arguments) throws UsageException {
		if (arguments.isEmpty()) {
			throw new UsageException("name at least one .cabin file or directory");
		}
		List<Path> files = new ArrayList<>();
		for (String argument : arguments) {
			Path path = Path.of(argument);
			if (Files.isDirectory(path)) {
				files.addAll(cabinFilesUnder(path));
			} else if (Files.exists(path) || Files.isSymbolicLink(path)) {
				// what it is (a .txt, a pipe, a link to a device) the load says, at the file, without reading it
				files.add(path);
			} else {
				throw new UsageException("no such file or directory: " + argument);
			}
		}
		if (files.isEmpty()) {
			throw new UsageException("no .cabin file in " + String.join(", ", arguments));
		}
		return files;
	}

	private static List<Path> cabinFilesUnder(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(p -> SourcePolicy.isSourceName(p.getFileName().toString()) && !Files.isDirectory(p))
					.sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
