package dev.cabin.ui.language;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import dev.cabin.dsl.ide.server.CabinLanguageServer;

/**
 * The document model of the workbench: the Cabin language server, in-process, over the workspace. It holds one
 * parsed, linked and validated model per document version (open documents from their editors, the others from
 * disk) and every editor feature reads that model through it, so that a keystroke is parsed once, in the
 * server's threads, never in the UI thread. Messages to the server go through one thread, in the order they
 * were sent, so that a request always sees the changes sent before it.
 */
public final class CabinLanguageService {

	private static final long TIMEOUT_SECONDS = 10;

	private static final class Holder {
		static final CabinLanguageService INSTANCE = new CabinLanguageService();
	}

	private final CabinLanguageClient client = new CabinLanguageClient();
	private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "Cabin language client");
		thread.setDaemon(true);
		return thread;
	});
	/* Set by the first task of the sender's thread, which the other tasks follow. */
	private volatile LanguageServerImpl server;
	private final CompletableFuture<Void> initialized;

	/* Starting the server (the language's injector, the workspace's first build) is done in the sender's thread. */
	private CabinLanguageService() {
		initialized = CompletableFuture.runAsync(this::start, sender);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this::filesChanged, IResourceChangeEvent.POST_CHANGE);
	}

	private void start() {
		XtextLog.install();
		server = CabinLanguageServer.inProcess(client, () -> {
			// the workbench never sends exit: the server lives as long as the workbench
		});
		InitializeParams params = new InitializeParams();
		params.setRootUri(DocumentUris.of(ResourcesPlugin.getWorkspace().getRoot().getLocation()));
		params.setCapabilities(capabilities());
		server.initialize(params).join();
		server.initialized(new InitializedParams());
	}

	public static CabinLanguageService get() {
		return Holder.INSTANCE;
	}

	private static ClientCapabilities capabilities() {
		TextDocumentClientCapabilities textDocument = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		textDocument.setDocumentSymbol(symbols);
		textDocument.setFoldingRange(new FoldingRangeCapabilities());
		RenameCapabilities rename = new RenameCapabilities();
		rename.setPrepareSupport(true);
		textDocument.setRename(rename);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(textDocument);
		return capabilities;
	}

	/** Sends a notification after the ones sent before. */
	void notify(java.util.function.Consumer<LanguageServerImpl> notification) {
		sender.execute(() -> {
			waitUntilInitialized();
			notification.accept(server);
		});
	}

	/**
	 * Sends a request after the notifications sent before; the answer completes the returned future. The server
	 * cancels what is running when a change arrives (the answer would be about an old text): the request is
	 * then sent again, after the change, a few times at most.
	 */
	public <T> CompletableFuture<T> request(Function<LanguageServerImpl, CompletableFuture<T>> request) {
		return send(request, 3);
	}

	private <T> CompletableFuture<T> send(Function<LanguageServerImpl, CompletableFuture<T>> request, int tries) {
		CompletableFuture<T> answer = CompletableFuture.supplyAsync(() -> {
			waitUntilInitialized();
			return request.apply(server);
		}, sender).thenCompose(pending -> pending);
		return answer.handle((value, failure) -> failure == null ? CompletableFuture.completedFuture(value)
				: tries > 1 && canceled(failure) ? send(request, tries - 1) : CompletableFuture.<T>failedFuture(failure))
				.thenCompose(next -> next);
	}

	private static boolean canceled(Throwable failure) {
		Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
				? failure.getCause() : failure;
		return cause instanceof java.util.concurrent.CancellationException
				|| cause instanceof ResponseErrorException error
						&& error.getResponseError().getCode() == ResponseErrorCode.RequestCancelled.getValue();
	}

	/** Waits for the answer to a request, for at most a few seconds; {@code null} when there was none. */
	public static <T> T await(CompletableFuture<T> answer) {
		try {
			return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		} catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
				| java.util.concurrent.CancellationException e) {
			// a request canceled by a newer change, or a server that did not answer: the feature shows nothing
			return null;
		}
	}

	private void waitUntilInitialized() {
		try {
			initialized.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (java.util.concurrent.ExecutionException e) {
			Platform.getLog(CabinLanguageService.class).error("The Cabin language server did not start", e.getCause());
			throw new IllegalStateException("the Cabin language server did not start", e.getCause());
		}
	}

	/** The diagnostics of the last build of a document (see {@link DocumentUris}). */
	public List<Diagnostic> diagnostics(String uri) {
		return client.diagnostics(uri);
	}

	/** The last build of a document the server published, with the version it built; {@code null} before one. */
	CabinLanguageClient.Build lastBuild(String uri) {
		return client.lastBuild(uri);
	}

	/** Called with a document's URI and diagnostics after each build that changed them. */
	public void addBuildListener(BiConsumer<String, List<Diagnostic>> listener) {
		client.addListener(listener);
	}

	public void removeBuildListener(BiConsumer<String, List<Diagnostic>> listener) {
		client.removeListener(listener);
	}

	/* Files changed on disk (saved, created, deleted, changed by a rename or by git): the server rereads them. */
	private void filesChanged(IResourceChangeEvent event) {
		List<FileEvent> changes = new ArrayList<>();
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (resource.getType() == IResource.FILE && "cabin".equals(resource.getFileExtension())
						&& resource.getLocation() != null) {
					FileChangeType type = switch (delta.getKind()) {
					case IResourceDelta.ADDED -> FileChangeType.Created;
					case IResourceDelta.REMOVED -> FileChangeType.Deleted;
					default -> (delta.getFlags() & IResourceDelta.CONTENT) != 0 ? FileChangeType.Changed : null;
					};
					if (type != null) {
						changes.add(new FileEvent(DocumentUris.of(resource.getLocation()), type));
					}
				}
				return true;
			});
		} catch (CoreException e) {
			Platform.getLog(CabinLanguageService.class).error("Cannot read a workspace change", e);
		}
		if (!changes.isEmpty()) {
			notify(server -> server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(changes)));
		}
	}
}
