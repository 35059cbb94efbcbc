package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.PerformChangeOperation;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.DocumentUris;

/**
 * Applies the server's edits (a quick fix, a rename) to the files of the workspace as one change that Edit >
 * Undo takes back: open editors show the change (and stay dirty as they were), other files are saved.
 */
public final class WorkspaceEdits {

	private WorkspaceEdits() {
	}

	/** Applies a quick fix (in the UI thread); a failure is logged, the files stay as they were. */
	public static void applyFix(org.eclipse.lsp4j.CodeAction fix) {
		try {
			apply(fix.getTitle(), fix.getEdit());
		} catch (CoreException e) {
			org.eclipse.core.runtime.Platform.getLog(WorkspaceEdits.class).error("The quick fix failed: " + fix.getTitle(), e);
		}
	}

	/** Applies the edit in the UI thread; {@code false} when a file it names is not in the workspace. */
	public static boolean apply(String label, WorkspaceEdit edit) throws CoreException {
		Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
		if (edit.getChanges() != null) {
			edit.getChanges().forEach((uri, edits) -> byUri.computeIfAbsent(DocumentUris.normalize(uri), u -> new ArrayList<>())
					.addAll(edits));
		}
		if (edit.getDocumentChanges() != null) {
			edit.getDocumentChanges().stream().filter(change -> change.isLeft()).map(change -> change.getLeft())
					.forEach((TextDocumentEdit change) -> byUri
							.computeIfAbsent(DocumentUris.normalize(change.getTextDocument().getUri()), u -> new ArrayList<>())
							.addAll(change.getEdits()));
		}
		CompositeChange change = new CompositeChange(label);
		for (Map.Entry<String, List<TextEdit>> entry : byUri.entrySet()) {
			IFile file = DocumentUris.file(entry.getKey());
			if (file == null) {
				return false;
			}
			change.add(fileChange(file, entry.getValue()));
		}
		change.initializeValidationData(new NullProgressMonitor());
		PerformChangeOperation operation = new PerformChangeOperation(change);
		operation.setUndoManager(RefactoringCore.getUndoManager(), label);
		ResourcesPlugin.getWorkspace().run(operation, new NullProgressMonitor());
		return true;
	}

	private static TextFileChange fileChange(IFile file, List<TextEdit> edits) throws CoreException {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		buffers.connect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		try {
			IDocument document = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument();
			MultiTextEdit multi = new MultiTextEdit();
			List<TextEdit> sorted = new ArrayList<>(edits);
			sorted.sort(Comparator.comparingInt((TextEdit e) -> e.getRange().getStart().getLine())
					.thenComparingInt(e -> e.getRange().getStart().getCharacter()));
			for (TextEdit edit : sorted) {
				int start = CabinDocument.offset(document, edit.getRange().getStart());
				int end = CabinDocument.offset(document, edit.getRange().getEnd());
				multi.addChild(new ReplaceEdit(start, end - start, edit.getNewText()));
			}
			TextFileChange change = new TextFileChange(file.getName(), file);
			change.setEdit(multi);
			change.setSaveMode(TextFileChange.KEEP_SAVE_STATE);
			return change;
		} catch (BadLocationException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("The edit does not fit " + file.getFullPath(), e));
		} finally {
			buffers.disconnect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		}
	}
}
