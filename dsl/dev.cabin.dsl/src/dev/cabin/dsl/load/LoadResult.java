package dev.cabin.dsl.load;

import java.util.List;

import dev.cabin.dsl.cabin.CabinFile;

/** The parsed files of a load, and every problem found while reading, parsing, linking and validating. */
public record LoadResult(List<CabinFile> files, List<Problem> problems) {

	public LoadResult {
		files = List.copyOf(files);
		problems = List.copyOf(problems);
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
	}
}
