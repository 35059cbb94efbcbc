package dev.cabin.ui.language;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the in-process language server tells the workbench: the diagnostics of each document after each build
 * (kept, and passed to listeners, which redraw what depends on the document's model), and its log messages. The
 * diagnostics of a text that an open editor does not have (a build from before it opened the document) are let go.
 */
final class CabinLanguageClient implements LanguageClient {

	/** A build's diagnostics, and the version of the open document built ({@code null}: the file on disk). */
	record Build(Integer version, List<Diagnostic> diagnostics) {
	}

	private final Map<String, Build> builds = new ConcurrentHashMap<>();
	private final List<BiConsumer<String, List<Diagnostic>>> listeners = new CopyOnWriteArrayList<>();

	List<Diagnostic> diagnostics(String uri) {
		Build build = builds.get(uri);
		return build == null ? List.of() : build.diagnostics();
	}

	/** The last build the server published of a document, or {@code null}. */
	Build lastBuild(String uri) {
		return builds.get(uri);
	}

	void addListener(BiConsumer<String, List<Diagnostic>> listener) {
		listeners.add(listener);
	}

	void removeListener(BiConsumer<String, List<Diagnostic>> listener) {
		listeners.remove(listener);
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		String uri = DocumentUris.normalize(params.getUri());
		if (CabinDocument.isOvertaken(uri, params.getVersion())) {
			return;
		}
		List<Diagnostic> published = List.copyOf(params.getDiagnostics());
		builds.put(uri, new Build(params.getVersion(), published));
		CabinDocument.published(uri);
		for (BiConsumer<String, List<Diagnostic>> listener : listeners) {
			listener.accept(uri, published);
		}
	}

	@Override
	public void logMessage(MessageParams message) {
		ILog log = Platform.getLog(CabinLanguageClient.class);
		if (message.getType() == MessageType.Error) {
			log.error(message.getMessage());
		} else if (message.getType() == MessageType.Warning) {
			log.warn(message.getMessage());
		}
	}

	@Override
	public void showMessage(MessageParams message) {
		logMessage(message);
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void telemetryEvent(Object object) {
		// the workbench collects no telemetry
	}
}
