package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.ide.server.DiagnosticsListener;

/** {@code cabin lsp} speaks the protocol on stdin and stdout and ends with exit code 0 when the client exits. */
class LspCommandTest {

	@TempDir
	Path workspace;

	@Test
	void cabinLspServesAnEditorOnStandardInAndOutUntilItExits() throws Exception {
		InputStream originalIn = System.in;
		PrintStream originalOut = System.out;
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		CompletableFuture<Integer> exitCode;
		System.setIn(serverIn);
		System.setOut(new PrintStream(serverOut, true));
		try {
			exitCode = CompletableFuture.supplyAsync(() -> CabinCommand.run("lsp").exitCode);
			CompletableFuture<List<Diagnostic>> diagnostics = new CompletableFuture<>();
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(
					new DiagnosticsListener(params -> diagnostics.complete(params.getDiagnostics())), clientIn, clientOut);
			launcher.startListening();
			LanguageServer server = launcher.getRemoteProxy();
			InitializeParams params = new InitializeParams();
			params.setRootUri(workspace.toUri().toString());
			InitializeResult result = server.initialize(params).get(60, TimeUnit.SECONDS);
			server.initialized(new InitializedParams());
			Path file = workspace.resolve("broken.cabin");
			String text = "agent Broken {\n\tlocales en-US\n\tpolicy p when Vehicle.Sped > 0 { max words 5 }\n}\n";
			Files.writeString(file, text);
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
					new TextDocumentItem(file.toUri().toString(), "cabin", 1, text)));

			List<Diagnostic> published = diagnostics.get(60, TimeUnit.SECONDS);
			server.shutdown().get(30, TimeUnit.SECONDS);
			server.exit();

			assertTrue(result.getCapabilities().getHoverProvider().getLeft());
			assertEquals("dev.cabin.dsl.unknownVssPath", published.get(0).getCode().getLeft());
			assertEquals(2, published.get(0).getRange().getStart().getLine());
			assertEquals(0, exitCode.get(30, TimeUnit.SECONDS));
		} finally {
			System.setIn(originalIn);
			System.setOut(originalOut);
		}
	}

	@Test
	void theLimitsOfCabinLspAreOptionsThatNeedANumberAboveZero() {
		CabinCommand zero = CabinCommand.run("lsp", "--max-json-depth", "0");
		assertEquals(2, zero.exitCode);
		assertTrue(zero.err.contains("--max-json-depth needs a number above 0"), zero.err);
		CabinCommand notANumber = CabinCommand.run("lsp", "--max-document-chars", "lots");
		assertEquals(2, notANumber.exitCode);
		assertTrue(notANumber.err.contains("--max-document-chars needs a number above 0"), notANumber.err);
	}
}
