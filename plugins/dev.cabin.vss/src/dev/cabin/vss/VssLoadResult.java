package dev.cabin.vss;

import java.nio.file.Path;
import java.util.List;

/**
 * A catalogue and the problems found while loading it (the catalogue holds what could be loaded).
 *
 * @param files the VSS files read (specs, included files, types, units, overlays), in the order read
 */
public record VssLoadResult(VssCatalogue catalogue, List<VssProblem> problems, List<Path> files) {

	public VssLoadResult {
		problems = problems.stream().distinct().toList();
		files = List.copyOf(files);
	}
}
