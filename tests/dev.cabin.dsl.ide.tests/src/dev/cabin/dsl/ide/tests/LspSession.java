package dev.cabin.dsl.ide.tests;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

import dev.cabin.dsl.ide.server.CabinLanguageServer;
import dev.cabin.dsl.ide.server.DiagnosticsListener;

/**
 * A real LSP session: the Cabin language server and an LSP4J client, connected by piped streams that carry the
 * protocol's JSON-RPC bytes, as stdin and stdout would.
 */
final class LspSession implements AutoCloseable {

	/** Collects what the server publishes; diagnostics can be awaited per document. */
	static final class Client {
		private final Map<String, CompletableFuture<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();

		CompletableFuture<List<Diagnostic>> diagnosticsFor(String uri) {
			return published.computeIfAbsent(uri, u -> new CompletableFuture<>()).thenApply(PublishDiagnosticsParams::getDiagnostics);
		}

		/** The diagnostics the server publishes for the document next (call it before the change). */
		CompletableFuture<List<Diagnostic>> nextDiagnosticsFor(String uri) {
			return nextPublishFor(uri).thenApply(PublishDiagnosticsParams::getDiagnostics);
		}

		/** What the server publishes for the document next, with the version it built (call it before the change). */
		CompletableFuture<PublishDiagnosticsParams> nextPublishFor(String uri) {
			CompletableFuture<PublishDiagnosticsParams> next = new CompletableFuture<>();
			published.put(uri, next);
			return next;
		}

		/** The documents the server published diagnostics for, or that a test awaits them for. */
		Set<String> documentsWithDiagnostics() {
			return Set.copyOf(published.keySet());
		}

		private void publish(PublishDiagnosticsParams params) {
			published.compute(params.getUri(), (uri, pending) -> {
				if (pending == null || pending.isDone()) {
					return CompletableFuture.completedFuture(params);
				}
				pending.complete(params);
				return pending;
			});
		}
	}

	final LanguageServer server;
	final Client client = new Client();
	final InitializeResult initialized;
	private final CabinLanguageServer.Running running;
	private final Path workspace;

	private LspSession(Path workspace) throws Exception {
		this.workspace = workspace;
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		running = CabinLanguageServer.start(serverIn, serverOut);
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new DiagnosticsListener(client::publish), clientIn, clientOut);
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams params = new InitializeParams();
		params.setRootUri(workspace.toUri().toString());
		ClientCapabilities capabilities = new ClientCapabilities();
		TextDocumentClientCapabilities textDocument = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		textDocument.setDocumentSymbol(symbols);
		textDocument.setFoldingRange(new FoldingRangeCapabilities());
		RenameCapabilities rename = new RenameCapabilities();
		rename.setPrepareSupport(true);
		textDocument.setRename(rename);
		capabilities.setTextDocument(textDocument);
		params.setCapabilities(capabilities);
		initialized = server.initialize(params).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	static LspSession start(Path workspace) throws Exception {
		return new LspSession(workspace);
	}

	/** Writes a file into the workspace and opens it; returns its URI. */
	String open(String name, String text) {
		Path file = workspace.resolve(name);
		try {
			Files.writeString(file, text);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String uri = uri(name);
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "cabin", 1, text)));
		return uri;
	}

	String uri(String name) {
		return workspace.resolve(name).toUri().toString();
	}

	List<Diagnostic> diagnostics(String uri) throws Exception {
		return client.diagnosticsFor(uri).get(60, TimeUnit.SECONDS);
	}

	static TextDocumentIdentifier document(String uri) {
		return new TextDocumentIdentifier(uri);
	}

	static Position at(int line, int character) {
		return new Position(line, character);
	}

	@Override
	public void close() throws Exception {
		server.shutdown().get(30, TimeUnit.SECONDS);
		server.exit();
		running.exited().get(30, TimeUnit.SECONDS);
	}
}
