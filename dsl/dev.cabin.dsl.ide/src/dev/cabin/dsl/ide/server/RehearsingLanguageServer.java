package dev.cabin.dsl.ide.server;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, which offers each document it opens to the {@link EditRehearsal}, and stops a
 * rehearsal as soon as an author edits a document.
 */
final class RehearsingLanguageServer extends LanguageServerImpl {

	@Override
	public void didOpen(DidOpenTextDocumentParams params) {
		super.didOpen(params);
		EditRehearsal.offer(params.getTextDocument().getUri(), params.getTextDocument().getText());
	}

	@Override
	public void didChange(DidChangeTextDocumentParams params) {
		EditRehearsal.authorEdits();
		super.didChange(params);
	}
}
