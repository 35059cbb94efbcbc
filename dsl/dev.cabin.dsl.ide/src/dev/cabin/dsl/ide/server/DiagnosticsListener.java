package dev.cabin.dsl.ide.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A language client that only listens to the diagnostics the server publishes: for a client without a person in
 * front of it (a rehearsal, a benchmark, a test), which has nobody to show messages to and answers no question.
 */
public final class DiagnosticsListener implements LanguageClient {

	private final Consumer<PublishDiagnosticsParams> listener;

	public DiagnosticsListener(Consumer<PublishDiagnosticsParams> listener) {
		this.listener = listener;
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		listener.accept(diagnostics);
	}

	@Override
	public void telemetryEvent(Object object) {
		// nobody to tell
	}

	@Override
	public void showMessage(MessageParams message) {
		// nobody to show it to
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
		// nobody to tell
	}
}
