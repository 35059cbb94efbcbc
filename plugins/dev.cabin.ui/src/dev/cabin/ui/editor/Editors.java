package dev.cabin.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.DocumentUris;

/** Opening a place of a .cabin file in its editor (UI thread). */
public final class Editors {

	private Editors() {
	}

	public static void open(String uri, Range range) {
		IFile file = DocumentUris.file(uri);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (file == null || page == null) {
			return;
		}
		try {
			IEditorPart editor = IDE.openEditor(page, file);
			if (editor instanceof ITextEditor text) {
				IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
				int start = CabinDocument.offset(document, range.getStart());
				text.selectAndReveal(start, CabinDocument.offset(document, range.getEnd()) - start);
			}
		} catch (PartInitException | BadLocationException e) {
			Platform.getLog(Editors.class).error("Cannot open " + file.getFullPath(), e);
		}
	}
}
