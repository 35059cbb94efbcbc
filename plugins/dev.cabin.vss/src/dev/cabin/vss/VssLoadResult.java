package dev.cabin.vss;

import java.util.List;

/** A catalogue and the problems found while loading it (the catalogue holds what could be loaded). */
public record VssLoadResult(VssCatalogue catalogue, List<VssProblem> problems) {

	public VssLoadResult {
		problems = problems.stream().distinct().toList();
	}
}
