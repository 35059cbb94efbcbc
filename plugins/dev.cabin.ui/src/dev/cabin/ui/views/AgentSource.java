package dev.cabin.ui.views;

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * A {@code .cabin} file of the workspace and its text as an editor holds it (unsaved changes included), for the
 * views that compile agents.
 *
 * @param file the workspace file
 * @param text its text
 */
public record AgentSource(IFile file, String text) {

	/** The file's location on disk, which the compiler's messages name. */
	public Path path() {
		return file.getLocation().toFile().toPath();
	}

	/** The {@code .cabin} file of a text editor, or {@code null} for any other editor. */
	public static AgentSource of(IEditorPart editor) {
		if (editor == null) {
			return null;
		}
		IEditorInput input = editor.getEditorInput();
		if (!(input instanceof IFileEditorInput fileInput) || !"cabin".equals(fileInput.getFile().getFileExtension())
				|| !(editor instanceof ITextEditor text)) {
			return null;
		}
		IDocument document = text.getDocumentProvider().getDocument(input);
		return document == null ? null : new AgentSource(fileInput.getFile(), document.get());
	}
}
