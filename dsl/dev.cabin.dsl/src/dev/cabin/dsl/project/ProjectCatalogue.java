package dev.cabin.dsl.project;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssProblem;

/**
 * The VSS catalogue that sources of a project are checked against, the folders outside the project they may
 * import from, and the problems of the project file and of the VSS files it names.
 *
 * @param projectFile the project file, or {@code null} outside any project
 * @param imports the folders outside the project that its {@code cabin.yaml} lets sources import from
 */
public record ProjectCatalogue(VssCatalogue catalogue, Path projectFile, List<Path> imports, List<VssProblem> problems) {

	public ProjectCatalogue {
		imports = List.copyOf(imports);
		problems = List.copyOf(problems);
	}
}
