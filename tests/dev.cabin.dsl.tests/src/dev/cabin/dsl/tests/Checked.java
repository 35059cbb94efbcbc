package dev.cabin.dsl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.validation.CabinIssueCodes;

/** Writes sources into a folder and checks them as {@code cabin check} does; the result answers questions. */
final class Checked {

	private static final CabinSources SOURCES = CabinSources.standalone();

	final LoadResult result;

	private Checked(LoadResult result) {
		this.result = result;
	}

	static Path write(Path folder, String name, String content) {
		try {
			Path file = folder.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Checked files(Path... files) {
		return new Checked(SOURCES.load(List.of(files)));
	}

	static Checked source(Path folder, String content) {
		return files(write(folder, "agent.cabin", content));
	}

	/** The short codes of the problems, in order, as "line:code". */
	List<String> codes() {
		return result.problems().stream().map(p -> p.line() + ":" + shortCode(p)).toList();
	}

	List<String> codesOf(String shortCode) {
		return codes().stream().filter(c -> c.endsWith(":" + shortCode)).toList();
	}

	private static String shortCode(Problem problem) {
		String code = CabinIssueCodes.shortCode(problem.code());
		return code != null ? code : problem.code();
	}

	@Override
	public String toString() {
		return String.join("\n", result.problems().stream().map(Problem::format).toList());
	}
}
