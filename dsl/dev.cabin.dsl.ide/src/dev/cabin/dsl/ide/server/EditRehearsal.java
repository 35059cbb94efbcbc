package dev.cabin.dsl.ide.server;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.util.DisposableRegistry;

import com.google.inject.Injector;

/**
 * A few keystrokes typed into a copy of a document just opened, in a language server of its own, so that the JIT
 * has compiled the parser, linker and validators for documents of that size before the author's first keystroke.
 * On a fresh server the first keystrokes in a 5,000-line agent took 225–268 ms, later ones 36 ms (README, "Cabin
 * Studio in the browser", Figures). A server of its own, like a second author's session, shares only what sessions
 * already share; the copy, named beside the document so that its imports and project file are found, is never
 * saved. A document is rehearsed when it is at least twice as long as any rehearsed before in this process (the
 * JIT is the process'), one at a time; the rehearsal stops as soon as an author edits a document, so that it never
 * competes with the keystroke it prepares for. A rehearsal that fails only leaves the JIT colder: nothing is lost.
 */
final class EditRehearsal {

	/* Ten keystrokes (five typed, five taken back) brought a fresh server's first keystrokes down to the later ones' pace. */
	private static final int KEYSTROKES = 10;
	private static final long BUILD_TIMEOUT_SECONDS = 60;
	/* The first string after the first intent: an example, so that a keystroke changes the examples' checks too. */
	private static final Pattern FIRST_EXAMPLE = Pattern.compile("\\bintent\\b[^\"]*\"");
	private static final Logger LOG = Logger.getLogger(EditRehearsal.class.getName());

	private static final AtomicInteger longestRehearsed = new AtomicInteger();
	private static final AtomicReference<EditRehearsal> current = new AtomicReference<>();

	/* Made on the rehearsal's thread: making an injector takes a while, and didOpen is called on the protocol's. */
	private volatile Injector injector;
	private volatile LanguageServerImpl server;
	/* The copy's file name: the server may spell the folder's URI its own way. */
	private final String name = ".rehearsal-" + UUID.randomUUID() + ".cabin";
	private final Semaphore builds = new Semaphore(0);
	private volatile boolean stopped;

	private EditRehearsal() {
	}

	/** Rehearses keystrokes in a copy of a document just opened, on a thread of its own, if it is worth it. */
	static void offer(String uri, String text) {
		int folderEnd = uri.lastIndexOf('/');
		if (folderEnd < 0 || text.length() < 2 * longestRehearsed.get() || current.get() != null) {
			return;
		}
		EditRehearsal rehearsal = new EditRehearsal();
		if (!current.compareAndSet(null, rehearsal)) {
			return;
		}
		longestRehearsed.accumulateAndGet(text.length(), Math::max);
		Thread thread = new Thread(() -> {
			try {
				rehearsal.rehearse(uri.substring(0, folderEnd), text);
			} finally {
				rehearsal.dispose();
				current.set(null);
			}
		}, "cabin-edit-rehearsal");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * An author edited a document: a rehearsal under way stops at once, its build cancelled, so that it does not
	 * compete with the author's.
	 */
	static void authorEdits() {
		EditRehearsal rehearsal = current.get();
		if (rehearsal != null) {
			rehearsal.stopped = true;
			rehearsal.builds.release();
			rehearsal.cancelBuilds();
		}
	}

	private void rehearse(String folder, String text) {
		long started = System.nanoTime();
		String copy = folder + "/" + name;
		try {
			injector = CabinLanguageServer.forRehearsal();
			server = injector.getInstance(LanguageServerImpl.class);
			server.connect(new DiagnosticsListener(diagnostics -> {
				if (diagnostics.getUri().endsWith("/" + name)) {
					builds.release();
				}
			}));
			InitializeParams initialize = new InitializeParams();
			initialize.setRootUri(folder);
			initialize.setWorkspaceFolders(List.of(new WorkspaceFolder(folder, "rehearsal")));
			server.initialize(initialize).get(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			server.initialized(new InitializedParams());
			server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(copy, "cabin", 1, text)));
			Position at = editPosition(text);
			Position after = new Position(at.getLine(), at.getCharacter() + 1);
			boolean built = awaitBuild();
			int keystroke = 0;
			while (built && keystroke < KEYSTROKES && !stopped) {
				boolean type = keystroke % 2 == 0;
				TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
						new Range(at, type ? at : after), type ? "x" : "");
				keystroke++;
				server.didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(copy, keystroke + 1), List.of(change)));
				built = awaitBuild();
			}
			int rehearsed = stopped ? keystroke - 1 : keystroke;
			String end = stopped ? "; stopped: an author edited" : built ? "" : "; stopped: a build took too long";
			LOG.fine(() -> String.format("rehearsed %d keystrokes in a copy of a document of %d characters in %d ms%s",
					Math.max(0, rehearsed), text.length(), (System.nanoTime() - started) / 1_000_000, end));
		} catch (Exception e) {
			// the JIT stays colder; the author's server is not affected
			LOG.log(Level.FINE, "the rehearsal failed", e);
		}
	}

	private boolean awaitBuild() {
		try {
			return builds.tryAcquire(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) && !stopped;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/* The copy is never saved, so closing the server leaves nothing behind; its threads end with its executors. */
	private void dispose() {
		if (server != null) {
			cancelBuilds();
			injector.getInstance(DisposableRegistry.class).dispose();
		}
	}

	/* Xtext cancels the requests under way before each write: an empty write cancels the build under way. */
	private void cancelBuilds() {
		LanguageServerImpl rehearsing = server;
		if (rehearsing != null) {
			rehearsing.getRequestManager().runWrite(() -> null, (cancelIndicator, nothing) -> null);
		}
	}

	/** Just after the opening quote of the document's first example; else at its very start. */
	private static Position editPosition(String text) {
		Matcher example = FIRST_EXAMPLE.matcher(text);
		int offset = example.find() ? example.end() : 0;
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		int line = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
		return new Position(line, offset - lineStart);
	}
}
