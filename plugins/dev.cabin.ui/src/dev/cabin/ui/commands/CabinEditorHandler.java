package dev.cabin.ui.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.ui.language.CabinDocument;

/** A command on the .cabin file of the active editor. */
abstract class CabinEditorHandler extends AbstractHandler {

	@Override
	public final Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (part instanceof ITextEditor editor) {
			CabinDocument cabin = CabinDocument.of(editor.getDocumentProvider().getDocument(editor.getEditorInput()));
			if (cabin != null) {
				ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
				execute(editor, cabin, selection);
			}
		}
		return null;
	}

	abstract void execute(ITextEditor editor, CabinDocument cabin, ITextSelection selection) throws ExecutionException;
}
