package dev.cabin.ui.commands;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.ui.editor.WorkspaceEdits;
import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Rename (Alt+Shift+R): an agent, intent, flow, tool, entity or slot, with every reference in the workspace's
 * .cabin files (qualified or not, also the slot markers in texts). The change is one refactoring: Edit > Undo
 * takes it back in every file.
 */
public class RenameHandler extends CabinEditorHandler {

	/** Names the language accepts for declarations. */
	private static final IInputValidator NAME = text -> text.matches("[A-Za-z_][A-Za-z0-9_]*") ? null
			: "A name starts with a letter and has letters, digits and _";

	@Override
	void execute(ITextEditor editor, CabinDocument cabin, ITextSelection selection) throws ExecutionException {
		try {
			cabin.syncAndAwaitBuild();
			Position at = cabin.position(selection.getOffset());
			Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepared = CabinLanguageService
					.await(CabinLanguageService.get().request(
							server -> server.prepareRename(new PrepareRenameParams(cabin.identifier(), at))));
			Range range = prepared == null ? null : prepared.isFirst() ? prepared.getFirst()
					: prepared.isSecond() ? prepared.getSecond().getRange() : null;
			if (range == null) {
				MessageDialog.openInformation(editor.getSite().getShell(), "Rename",
						"Put the caret on the name of an agent, intent, flow, tool, entity or slot to rename it.");
				return;
			}
			int[] region = cabin.region(range);
			String oldName = cabin.document().get(region[0], region[1]);
			InputDialog dialog = new InputDialog(editor.getSite().getShell(), "Rename " + oldName, "New name:", oldName,
					NAME);
			if (dialog.open() != Window.OK || dialog.getValue().equals(oldName)) {
				return;
			}
			rename(cabin, at, oldName, dialog.getValue());
		} catch (BadLocationException | CoreException e) {
			throw new ExecutionException("Rename failed", e);
		}
	}

	/** Renames the declaration at a position of the document, in every file that names it. */
	public static boolean rename(CabinDocument cabin, Position at, String oldName, String newName) throws CoreException {
		cabin.syncAndAwaitBuild();
		WorkspaceEdit edit = CabinLanguageService.await(CabinLanguageService.get()
				.request(server -> server.rename(new RenameParams(cabin.identifier(), at, newName))));
		return edit != null && WorkspaceEdits.apply("Rename " + oldName + " to " + newName, edit);
	}
}
