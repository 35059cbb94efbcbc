package dev.cabin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cabin.car.UsageException;

/** The .cabin files that command-line arguments name: files as given, directories searched recursively. */
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
			} else if (Files.isRegularFile(path)) {
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
			return paths.filter(p -> p.toString().endsWith(".cabin") && Files.isRegularFile(p)).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
