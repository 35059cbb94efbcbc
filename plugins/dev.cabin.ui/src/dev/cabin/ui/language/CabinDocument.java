package dev.cabin.ui.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * An open .cabin document as the language server knows it: its URI, and the version of its text the server
 * has. Features call {@link #sync()} before a request, so that the server answers about the text on screen;
 * the server parses each version once, whoever asks.
 */
public final class CabinDocument {

	private static final Map<IDocument, CabinDocument> OPEN = new HashMap<>();
	private static final Map<IDocument, List<Runnable>> AWAITING_OPEN = new HashMap<>();
	/*
	 * The last version sent of each document, over all its openings: a reopened document counts on, so that the
	 * server's diagnostics of a text from before (an edit the closed editor threw away) tell themselves apart.
	 */
	private static final Map<String, Integer> LAST_VERSIONS = new ConcurrentHashMap<>();
	private static final long BUILD_TIMEOUT_SECONDS = 5;

	private final IDocument document;
	private final String uri;
	private int openedVersion;
	private long sentStamp = IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	/* Completed by the first build of this document that the server publishes after the last change it took. */
	private volatile CompletableFuture<Void> built = CompletableFuture.completedFuture(null);
	private volatile boolean changeTaken;
	private int users;

	private CabinDocument(IDocument document, String uri) {
		this.document = document;
		this.uri = uri;
	}

	/** The Cabin document of an editor's document, or {@code null} when no editor has opened it (yet). */
	public static synchronized CabinDocument of(IDocument document) {
		return OPEN.get(document);
	}

	/**
	 * Runs the action once an editor has opened the document in the server: at once when it has, otherwise in
	 * the thread that opens it. {@link #forget} drops an action that has not run.
	 */
	public static void whenOpen(IDocument document, Runnable action) {
		synchronized (CabinDocument.class) {
			if (!OPEN.containsKey(document)) {
				AWAITING_OPEN.computeIfAbsent(document, d -> new ArrayList<>()).add(action);
				return;
			}
		}
		action.run();
	}

	public static synchronized void forget(IDocument document, Runnable action) {
		List<Runnable> awaiting = AWAITING_OPEN.get(document);
		if (awaiting != null && awaiting.remove(action) && awaiting.isEmpty()) {
			AWAITING_OPEN.remove(document);
		}
	}

	/**
	 * Opens an editor's document in the server (once; each call must be paired with {@link #release()}), or
	 * returns {@code null} when the document is not a file of the local file system.
	 */
	public static CabinDocument open(IDocument document) {
		CabinDocument open;
		List<Runnable> awaiting;
		synchronized (CabinDocument.class) {
			open = OPEN.get(document);
			if (open == null) {
				ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
				if (buffer == null || buffer.getFileStore() == null
						|| !"file".equals(buffer.getFileStore().toURI().getScheme())) {
					return null;
				}
				open = new CabinDocument(document, DocumentUris.normalize(buffer.getFileStore().toURI().toString()));
				OPEN.put(document, open);
				open.open();
			}
			open.users++;
			awaiting = AWAITING_OPEN.remove(document);
		}
		if (awaiting != null) {
			awaiting.forEach(Runnable::run);
		}
		return open;
	}

	/** The editor is gone: once no editor has the document open, the server reads the file from disk again. */
	public void release() {
		synchronized (CabinDocument.class) {
			if (--users > 0) {
				return;
			}
			OPEN.remove(document);
		}
		CabinLanguageService.get().notify(server -> server
				.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri))));
	}

	private synchronized void open() {
		String text = document.get();
		sentStamp = stamp();
		openedVersion = LAST_VERSIONS.merge(uri, 1, Integer::sum);
		TextDocumentItem item = new TextDocumentItem(uri, "cabin", openedVersion, text);
		CabinLanguageService.get().notify(server -> server.didOpen(new DidOpenTextDocumentParams(item)));
	}

	/** Sends the text on screen to the server, unless it has it already. */
	public synchronized void sync() {
		long stamp = stamp();
		if (stamp == sentStamp && stamp != IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP) {
			return;
		}
		sentStamp = stamp;
		int version = LAST_VERSIONS.merge(uri, 1, Integer::sum);
		DidChangeTextDocumentParams change = new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(document.get())));
		CompletableFuture<Void> build = new CompletableFuture<>();
		built = build;
		changeTaken = false;
		CabinLanguageService.get().notify(server -> {
			// from here on a build that the server publishes is this change's: taking it cancels older builds
			changeTaken = built == build;
			server.didChange(change);
		});
	}

	/**
	 * Sends the text on screen and waits (a few seconds at most) until the server has built it, for the
	 * features whose answer reads the model of the text (completion reads the text before the caret there).
	 */
	public void syncAndAwaitBuild() {
		sync();
		try {
			built.get(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException | TimeoutException e) {
			// no build came (the server is busy): the feature answers from the last model it has
		}
	}

	/*
	 * Whether a build the server publishes is of a text from before the document's editor opened it: from disk, or
	 * of an earlier opening.
	 */
	static boolean isOvertaken(String uri, Integer version) {
		CabinDocument open = withUri(uri);
		return open != null && !open.isOfThisOpening(version);
	}

	/* Versions count on across openings; a build from disk has none. */
	private boolean isOfThisOpening(Integer builtVersion) {
		return builtVersion != null && builtVersion >= openedVersion;
	}

	/* Called with each build the server publishes that is not overtaken. */
	static void published(String uri) {
		CabinDocument open = withUri(uri);
		if (open != null && open.changeTaken) {
			open.built.complete(null);
		}
	}

	private static synchronized CabinDocument withUri(String uri) {
		return OPEN.values().stream().filter(document -> document.uri.equals(uri)).findFirst().orElse(null);
	}

	private long stamp() {
		return document instanceof IDocumentExtension4 extension ? extension.getModificationStamp()
				: IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	}

	public String uri() {
		return uri;
	}

	public IDocument document() {
		return document;
	}

	public TextDocumentIdentifier identifier() {
		return new TextDocumentIdentifier(uri);
	}

	/** The diagnostics of the server's last build of this opening's text; none before its first. */
	public List<Diagnostic> diagnostics() {
		CabinLanguageClient.Build build = CabinLanguageService.get().lastBuild(uri);
		return build != null && isOfThisOpening(build.version()) ? build.diagnostics() : List.of();
	}

	/** The protocol's position (line, UTF-16 character) of a document offset. */
	public Position position(int offset) throws BadLocationException {
		int line = document.getLineOfOffset(offset);
		return new Position(line, offset - document.getLineOffset(line));
	}

	/** The document offset of a protocol position, clamped to the document. */
	public static int offset(IDocument document, Position position) throws BadLocationException {
		if (position.getLine() >= document.getNumberOfLines()) {
			return document.getLength();
		}
		int lineOffset = document.getLineOffset(position.getLine());
		int lineLength = document.getLineInformation(position.getLine()).getLength();
		return lineOffset + Math.min(position.getCharacter(), lineLength);
	}

	public int offset(Position position) throws BadLocationException {
		return offset(document, position);
	}

	/** The offset and length of a protocol range. */
	public int[] region(Range range) throws BadLocationException {
		int start = offset(range.getStart());
		return new int[] { start, Math.max(0, offset(range.getEnd()) - start) };
	}
}
