package dev.cabin.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server rehearses a few keystrokes in a copy of a document just opened, so that the JIT is warm
 * before the author types (README, "Cabin Studio in the browser", Figures): the author must never see the copy,
 * nor find it on disk, and the author's first edit must stop it.
 */
class EditRehearsalTest {

	private static final String REHEARSAL_THREAD = "cabin-edit-rehearsal";
	private static final String REHEARSAL_LOG = "dev.cabin.dsl.ide.server.EditRehearsal";

	@TempDir
	Path workspace;

	private LspSession session;
	private final Logger log = Logger.getLogger(REHEARSAL_LOG);
	private ServerLog serverLog;

	@BeforeEach
	void startTheServer() throws Exception {
		log.setLevel(Level.FINE);
		serverLog = new ServerLog();
		session = LspSession.start(workspace);
	}

	@AfterEach
	void stopTheServer() throws Exception {
		session.close();
		serverLog.close();
		log.setLevel(null);
	}

	/*
	 * A document is rehearsed when it is at least twice as long as any rehearsed before in the process: the first
	 * agent here is ten times as long as the other tests' documents, whichever ran first, the second one twice as
	 * long again.
	 */
	private static String agent(int intents) {
		StringBuilder agent = new StringBuilder("agent Large \"Large\" {\n\tlocales en-US\n");
		for (int intent = 0; intent < intents; intent++) {
			int number = intent;
			agent.append("\tintent Task").append(intent).append(" {\n\t\ten-US: ");
			agent.append(Stream.of("show", "check", "explain", "find", "open", "read", "start", "set")
					.map(verb -> "\"" + verb + " the item " + number + " of the list\"").collect(Collectors.joining(", ")));
			agent.append("\n\t}\n\ton voice Task").append(intent).append(" -> flow Answer\n");
		}
		return agent.append("\tflow Answer {\n\t\tsay en-US \"Done.\"\n\t\tend\n\t}\n}\n").toString();
	}

	@Test
	void aDocumentJustOpenedIsRehearsedInACopyThatNeitherTheAuthorNorTheDiskSeesAndAnEditStopsIt() throws Exception {
		String uri = session.open("large.cabin", agent(60));
		assertEquals(List.of(), session.diagnostics(uri));
		Thread rehearsal = awaitRehearsal();
		assertNotNull(rehearsal, "a rehearsal started after the document was opened");
		rehearsal.join(TimeUnit.SECONDS.toMillis(60));

		assertFalse(rehearsal.isAlive(), "the rehearsal ended");
		List<String> rehearsals = serverLog.from(REHEARSAL_LOG);
		assertEquals(1, rehearsals.size(), rehearsals.toString());
		assertTrue(rehearsals.get(0).startsWith("rehearsed 10 keystrokes"), rehearsals.get(0));
		assertEquals(Set.of(uri), session.client.documentsWithDiagnostics(), "diagnostics of the copy reached the author");
		try (Stream<Path> files = Files.list(workspace)) {
			assertEquals(List.of(workspace.resolve("large.cabin")), files.toList(), "the copy was written to disk");
		}

		String larger = session.open("larger.cabin", agent(150));
		session.diagnostics(larger);
		Thread second = awaitRehearsal();
		assertNotNull(second, "a document twice as long is rehearsed too");
		var afterTheEdit = session.client.nextDiagnosticsFor(larger);
		session.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(larger, 2), List.of(new TextDocumentContentChangeEvent(
						new Range(LspSession.at(3, 0), LspSession.at(3, 0)), "\tintnt Broken {}\n"))));
		List<Diagnostic> problems = afterTheEdit.get(60, TimeUnit.SECONDS);
		second.join(TimeUnit.SECONDS.toMillis(60));

		assertFalse(problems.isEmpty(), "the author's edit was diagnosed");
		rehearsals = serverLog.from(REHEARSAL_LOG);
		assertEquals(2, rehearsals.size(), rehearsals.toString());
		assertTrue(rehearsals.get(1).endsWith("stopped: an author edited"), rehearsals.get(1));
		assertFalse(rehearsals.get(1).startsWith("rehearsed 10 "), rehearsals.get(1));
	}

	private static Thread awaitRehearsal() throws InterruptedException {
		for (int poll = 0; poll < 2_000; poll++) {
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread.getName().equals(REHEARSAL_THREAD)) {
					return thread;
				}
			}
			Thread.sleep(5);
		}
		return null;
	}
}
