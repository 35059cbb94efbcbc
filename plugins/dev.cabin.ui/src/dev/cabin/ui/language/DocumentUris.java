package dev.cabin.ui.language;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;

/**
 * Documents are named by file URIs in one spelling ({@code file:///...}), whichever of the equivalent spellings
 * the server or the workspace uses, so that they can be compared as strings.
 */
public final class DocumentUris {

	private DocumentUris() {
	}

	public static String normalize(String uri) {
		URI parsed = URI.create(uri);
		return "file".equals(parsed.getScheme()) ? Path.of(parsed).toUri().toString() : uri;
	}

	public static String of(IPath location) {
		return location.toFile().toPath().toUri().toString();
	}

	/** The workspace file a document URI names, or {@code null} when it is outside the workspace. */
	public static IFile file(String uri) {
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(URI.create(normalize(uri)));
		return files.length == 0 ? null : files[0];
	}
}
