package dev.cabin.dsl.project;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssProblem;

/**
 * The VSS catalogue that sources of a project are checked against, and the problems of the project file and of
 * the VSS files it names.
 *
 * @param projectFile the project file, or {@code null} outside any project
 */
public record ProjectCatalogue(VssCatalogue catalogue, Path projectFile, List<VssProblem> problems) {

	public ProjectCatalogue {
		problems = List.copyOf(problems);
	}
}
