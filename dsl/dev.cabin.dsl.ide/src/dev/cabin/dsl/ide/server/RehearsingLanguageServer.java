package dev.cabin.dsl.ide.server;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Inject;

/**
 * Xtext's language server, which offers each document it opens to the {@link EditRehearsal}, and stops a
 * rehearsal as soon as an author edits a document. Its diagnostics say which version of an open document they are
 * of ({@link ClientVersionedWorkspaceManager}), as the protocol allows and Xtext does not: a client can then tell
 * them from those of a build that an edit, a close or a reopening has overtaken (Cabin Studio's editor does).
 */
final class RehearsingLanguageServer extends LanguageServerImpl {

	@Inject
	private ClientVersionedWorkspaceManager workspace;

	@Override
	public void connect(LanguageClient client) {
		super.connect(PublishedDiagnostics.mapped(client, published -> {
			published.setVersion(openVersion(published.getUri()));
			return published;
		}));
	}

	/*
	 * Xtext publishes from inside the build, and takes the next change only after the build: the version open now
	 * is the one built. A document built from disk has none.
	 */
	private Integer openVersion(String uri) {
		return workspace.openVersion(getURI(new TextDocumentIdentifier(uri)));
	}

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
