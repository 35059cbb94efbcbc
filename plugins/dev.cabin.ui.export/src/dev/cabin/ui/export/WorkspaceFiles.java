package dev.cabin.ui.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** The workspace files the wizard offers: agent sources and vehicle profiles. */
final class WorkspaceFiles {

	private static final int PROFILE_SNIFF_BYTES = 4096;

	private WorkspaceFiles() {
	}

	static List<IFile> cabinFiles() {
		return files(file -> "cabin".equals(file.getFileExtension()));
	}

	/** YAML and JSON files that look like vehicle profiles (they have a head unit). */
	static List<IFile> profiles() {
		return files(file -> List.of("yaml", "yml", "json").contains(String.valueOf(file.getFileExtension()))
				&& mentionsHeadUnit(file));
	}

	static Path location(IFile file) {
		return file.getLocation().toFile().toPath();
	}

	private static boolean mentionsHeadUnit(IFile file) {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readNBytes(PROFILE_SNIFF_BYTES), StandardCharsets.UTF_8).contains("headUnit");
		} catch (CoreException | IOException e) {
			return false;
		}
	}

	private static List<IFile> files(Predicate<IFile> wanted) {
		List<IFile> files = new ArrayList<>();
		try {
			ResourcesPlugin.getWorkspace().getRoot().accept(resource -> {
				if (resource instanceof IFile file && file.getLocation() != null && wanted.test(file)) {
					files.add(file);
				}
				return resource.getType() != IResource.FILE && !resource.isDerived()
						&& !"target".equals(resource.getName());
			});
		} catch (CoreException e) {
			// a project that cannot be read offers no files
		}
		files.sort(Comparator.comparing(f -> f.getFullPath().toString()));
		return files;
	}
}
