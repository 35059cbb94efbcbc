package dev.cabin.ui.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Format (Ctrl+Shift+F): the language's formatter computes the edits in the server's threads; they are then
 * applied to the editor as one change, which one Undo takes back.
 */
public class FormatHandler extends CabinEditorHandler {

	@Override
	void execute(ITextEditor editor, CabinDocument cabin, ITextSelection selection) {
		long before = modificationStamp(cabin.document());
		DocumentFormattingParams params = new DocumentFormattingParams(cabin.identifier(), new FormattingOptions(4, false));
		Display display = Display.getCurrent();
		CompletableFuture.runAsync(cabin::syncAndAwaitBuild)
				.thenCompose(built -> CabinLanguageService.get().request(server -> server.formatting(params)))
				.thenAccept(edits -> display.asyncExec(() -> {
					// edits for a text the author has changed since would land in the wrong places
					if (edits != null && modificationStamp(cabin.document()) == before) {
						apply(editor, cabin, edits);
					}
				}));
	}

	private static long modificationStamp(IDocument document) {
		return document instanceof org.eclipse.jface.text.IDocumentExtension4 extension ? extension.getModificationStamp()
				: 0;
	}

	private static void apply(ITextEditor editor, CabinDocument cabin, List<? extends TextEdit> edits) {
		List<TextEdit> backwards = new ArrayList<>(edits);
		backwards.sort(Comparator.comparingInt((TextEdit e) -> e.getRange().getStart().getLine())
				.thenComparingInt(e -> e.getRange().getStart().getCharacter()).reversed());
		IRewriteTarget rewrite = editor.getAdapter(IRewriteTarget.class);
		if (rewrite != null) {
			rewrite.beginCompoundChange();
		}
		try {
			for (TextEdit edit : backwards) {
				int[] region = cabin.region(edit.getRange());
				cabin.document().replace(region[0], region[1], edit.getNewText());
			}
		} catch (BadLocationException e) {
			org.eclipse.core.runtime.Platform.getLog(FormatHandler.class).error("A format edit does not fit the text", e);
		} finally {
			if (rewrite != null) {
				rewrite.endCompoundChange();
			}
		}
	}
}
