package dev.cabin.dsl.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import com.google.inject.Singleton;

import dev.cabin.vss.DefaultCatalogue;
import dev.cabin.vss.VssLoadResult;
import dev.cabin.vss.VssLoader;
import dev.cabin.vss.VssProblem;

/**
 * Finds the catalogue of a source file: the project file nearest to it decides; without one, the default
 * catalogue. Loaded catalogues are kept until the project file or a VSS file it names directly changes, so
 * that an editor re-validating on every keystroke does not reload them.
 */
@Singleton
public class ProjectCatalogues {

	/** A loaded catalogue, the files it was loaded from (as far as a change must reload it) and their times. */
	private record Loaded(List<Path> watched, List<Long> stamps, ProjectCatalogue catalogue) {
	}

	private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

	public ProjectCatalogue forResource(Resource resource) {
		URI uri = resource.getURI();
		if (uri == null || !uri.isFile()) {
			return outsideAnyProject();
		}
		return forFile(Path.of(uri.toFileString()));
	}

	public ProjectCatalogue forFile(Path source) {
		Path folder = source.toAbsolutePath().getParent();
		Path projectFile = folder == null ? null : CabinProject.find(folder);
		if (projectFile == null) {
			return outsideAnyProject();
		}
		Loaded cached = loaded.get(projectFile);
		if (cached != null && cached.stamps().equals(stamps(cached.watched()))) {
			return cached.catalogue();
		}
		CabinProject project = CabinProject.read(projectFile);
		VssLoadResult result = VssLoader.load(project.vss());
		List<VssProblem> problems = new ArrayList<>(project.problems());
		problems.addAll(result.problems());
		ProjectCatalogue fresh = new ProjectCatalogue(result.catalogue(), project.file(), project.imports(), problems);
		List<Path> watched = new ArrayList<>();
		watched.add(projectFile);
		if (project.vss().spec() != null) {
			watched.add(project.vss().spec());
		}
		watched.addAll(project.vss().types());
		watched.addAll(project.vss().overlays());
		// a project with problems is read again next time: a file it names that is missing has no stamp to watch,
		// and the author is likely writing it now
		if (problems.isEmpty()) {
			loaded.put(projectFile, new Loaded(watched, stamps(watched), fresh));
		} else {
			loaded.remove(projectFile);
		}
		return fresh;
	}

	private static ProjectCatalogue outsideAnyProject() {
		return new ProjectCatalogue(DefaultCatalogue.get(), null, List.of(), List.of());
	}

	private static List<Long> stamps(List<Path> files) {
		List<Long> stamps = new ArrayList<>();
		for (Path file : files) {
			try {
				stamps.add(Files.getLastModifiedTime(file).toMillis());
			} catch (IOException e) {
				stamps.add(-1L);
			}
		}
		return stamps;
	}
}
