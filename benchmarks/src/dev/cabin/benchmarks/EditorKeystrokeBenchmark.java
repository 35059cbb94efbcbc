package dev.cabin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.dsl.ide.server.CabinLanguageServer;
import dev.cabin.dsl.ide.server.DiagnosticsListener;

/**
 * A keystroke in Cabin Studio's editor, on a generated agent of 5,019 lines (197 intents x 20 examples, 40
 * flows): the code path of the editor's reconciler after its 200 ms typing delay. The document's new text goes
 * to the in-process language server ({@code didChange}, as {@code CabinDocument.sync} sends it), which parses,
 * links, indexes and validates it, and the time ends when its diagnostics are published (which the editor turns
 * into annotations). Each keystroke toggles one character of an example in the middle of the file, so the agent
 * stays valid.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xss4m", "-Xmx2g" })
public class EditorKeystrokeBenchmark {

	@Param({ "197" })
	public int intents;

	private final AtomicReference<CompletableFuture<List<Diagnostic>>> published = new AtomicReference<>(
			new CompletableFuture<>());
	private LanguageServerImpl server;
	private Path workspace;
	private String uri;
	private String text;
	private int editOffset;
	private int version = 1;
	private boolean edited;

	@Setup(Level.Trial)
	public void openTheAgentInTheServer() throws Exception {
		text = GeneratedAgent.text(intents, 20, 40);
		workspace = Files.createTempDirectory("cabin-keystroke");
		Path file = workspace.resolve("generated.cabin");
		Files.writeString(file, text);
		uri = file.toUri().toString();
		server = CabinLanguageServer.inProcess(new DiagnosticsListener(params -> published.get().complete(params.getDiagnostics())), () -> {
		});
		InitializeParams params = new InitializeParams();
		params.setRootUri(workspace.toUri().toString());
		server.initialize(params).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "cabin", version, text)));
		List<Diagnostic> diagnostics = next();
		if (!diagnostics.isEmpty()) {
			throw new IllegalStateException("the generated agent has problems: " + diagnostics.get(0));
		}
		// the workspace's first build and the opening may both publish: let both arrive before measuring
		Thread.sleep(3_000);
		published.set(new CompletableFuture<>());
		editOffset = text.indexOf("variant 7\"", text.length() / 2) + "variant ".length();
		System.out.println("\n" + text.lines().count() + " lines");
	}

	@TearDown(Level.Trial)
	public void stopTheServer() throws IOException {
		server.shutdown();
		try (var files = Files.list(workspace)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(workspace);
	}

	@Benchmark
	public List<Diagnostic> keystrokeToDiagnostics() throws Exception {
		edited = !edited;
		String changed = text.substring(0, editOffset) + (edited ? "8" : "7") + text.substring(editOffset + 1);
		server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
				List.of(new TextDocumentContentChangeEvent(changed))));
		List<Diagnostic> diagnostics = next();
		if (!diagnostics.isEmpty()) {
			throw new IllegalStateException("the edit broke the agent: " + diagnostics.get(0));
		}
		return diagnostics;
	}

	/* The diagnostics of the build that the last message started. */
	private List<Diagnostic> next() throws Exception {
		List<Diagnostic> diagnostics = published.get().get(60, TimeUnit.SECONDS);
		published.set(new CompletableFuture<>());
		return diagnostics;
	}
}
