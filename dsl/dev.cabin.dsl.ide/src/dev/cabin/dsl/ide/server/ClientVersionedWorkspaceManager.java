package dev.cabin.dsl.ide.server;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;

import com.google.inject.Singleton;

/**
 * Xtext's workspace, where an open document has the version its client gave it with each change. Xtext counts
 * one up per change from the version the document was opened with; a client may count otherwise (Cabin Studio
 * counts on from the versions of earlier openings), and the diagnostics' version is only of use to it in its own
 * count. One per server: the server reads the versions from the workspace it builds.
 */
@Singleton
final class ClientVersionedWorkspaceManager extends WorkspaceManager {

	@Override
	public Buildable didChangeTextDocumentContent(URI uri, Integer version, Iterable<TextDocumentContentChangeEvent> changes) {
		Buildable build = super.didChangeTextDocumentContent(uri, version, changes);
		Document changed = getOpenDocuments().get(uri);
		if (changed != null && version != null) {
			getOpenDocuments().put(uri,
					new Document(version, changed.getContents(), changed.isPrintSourceOnError()));
		}
		return build;
	}

	/** The version of an open document, as its client gave it; {@code null} for a document read from disk. */
	Integer openVersion(URI uri) {
		Document open = getOpenDocuments().get(uri);
		return open == null ? null : open.getVersion();
	}
}
