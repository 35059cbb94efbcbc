package dev.cabin.ui.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextUtilities;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.conversation.ConversationRunner;
import dev.cabin.conversation.ConversationTestText;
import dev.cabin.ui.compile.MeasurementRule;
import dev.cabin.ui.compile.MonitorProgress;
import dev.cabin.ui.views.UiThread;

/**
 * The simulator's conversation tests: saving the conversation as a test of the agent (in the open editor's
 * document, else in the file), and replaying the agent's tests from the file's current text.
 */
final class ConversationTests {

	private final IWorkbenchPartSite site;
	private final Transcript transcript;
	private final Label status;

	ConversationTests(IWorkbenchPartSite site, Transcript transcript, Label status) {
		this.site = site;
		this.transcript = transcript;
		this.status = status;
	}

	/** Asks for the test's name, then saves the conversation as a test. */
	void askAndSave(Simulation simulation, IFile sourceFile) {
		if (simulation.turns().isEmpty()) {
			status.setText("Nothing to save: the conversation has no turn yet.");
			return;
		}
		InputDialog name = new InputDialog(site.getShell(), "Save as Conversation Test",
				"Name of the test (it is appended to agent " + simulation.agent().id() + "):",
				"simulated conversation " + (simulation.agent().tests().size() + 1),
				text -> text.isBlank() ? "The test needs a name" : null);
		if (name.open() == Window.OK) {
			save(simulation, sourceFile, name.getValue().strip());
		}
	}

	/**
	 * Appends the conversation as a test block to the agent: in the open editor's document (one undo takes it
	 * back; the author saves), else in the file.
	 */
	void save(Simulation simulation, IFile sourceFile, String name) {
		String agentId = simulation.agent().id();
		IDocument document = openDocument(sourceFile);
		try {
			String text = document != null ? document.get()
					: new String(sourceFile.getContents().readAllBytes(), StandardCharsets.UTF_8);
			int offset = Simulation.testInsertionOffset(location(sourceFile), text, agentId);
			if (offset < 0) {
				status.setText("Agent " + agentId + " is no longer in " + sourceFile.getName() + "; nothing saved.");
				return;
			}
			String lineBreak = document != null ? TextUtilities.getDefaultLineDelimiter(document)
					: text.contains("\r\n") ? "\r\n" : "\n";
			String indent = text.contains(lineBreak + "\t") ? "\t" : "    ";
			String before = text.substring(0, offset);
			String block = (before.endsWith(lineBreak) ? "" : lineBreak) + lineBreak
					+ ConversationTestText.of(name, simulation.givenSignalsRead(), simulation.turns().stream()
							.map(turn -> new ConversationTestText.Turn(turn.event(), turn.result())).toList(), indent,
							lineBreak);
			if (document != null) {
				document.replace(offset, 0, block);
			} else {
				String updated = before + block + text.substring(offset);
				sourceFile.setContents(new ByteArrayInputStream(updated.getBytes(StandardCharsets.UTF_8)),
						IResource.KEEP_HISTORY, null);
			}
			transcript.note("(saved as test \"" + name + "\" in " + sourceFile.getName()
					+ (document != null ? "; save the editor to keep it" : "") + ")");
		} catch (CoreException | IOException | BadLocationException e) {
			status.setText("The test could not be saved: " + e.getMessage());
		}
	}

	/** Runs the agent's conversation tests, from the file's current text, in a job; returns the job. */
	Job replay(Simulation simulation, IFile sourceFile) {
		String agentId = simulation.agent().id();
		IDocument document = openDocument(sourceFile);
		String text;
		try {
			text = document != null ? document.get()
					: new String(sourceFile.getContents().readAllBytes(), StandardCharsets.UTF_8);
		} catch (CoreException | IOException e) {
			status.setText("Cannot read " + sourceFile.getName() + ": " + e.getMessage());
			return null;
		}
		Path path = location(sourceFile);
		Display display = Display.getCurrent();
		transcript.note("Replaying the conversation tests of " + agentId + "...");
		String name = "Replaying the conversation tests of " + agentId;
		Job job = Job.create(name, monitor -> {
			monitor.beginTask(name, 1000);
			try {
				Simulation fresh = Simulation.load(path, text, null, MonitorProgress.on(monitor, 300),
						MonitorProgress.cancellation(monitor));
				fresh.start(agentId);
				List<ConversationRunner.Result> results = MeasurementRule.inTurn(name, monitor,
						other -> UiThread.later(display, transcript.widget(),
								() -> transcript.note("(waiting for \"" + other + "\" to finish measuring)")),
						() -> fresh.runTests(MonitorProgress.on(monitor, 700)));
				UiThread.later(display, transcript.widget(), () -> replayed(results));
			} catch (Simulation.SimulationException e) {
				UiThread.later(display, transcript.widget(), () -> transcript.note("(cannot replay: " + e.getMessage() + ")"));
			} catch (OperationCanceledException | CancellationException | InterruptedException e) {
				UiThread.later(display, transcript.widget(), () -> transcript.note("(replay stopped)"));
				return Status.CANCEL_STATUS;
			} catch (IllegalStateException e) {
				UiThread.later(display, transcript.widget(),
						() -> transcript.note("(cannot replay: " + e.getMessage() + ": " + e.getCause() + ")"));
			} finally {
				monitor.done();
			}
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	private void replayed(List<ConversationRunner.Result> results) {
		int failed = 0;
		for (ConversationRunner.Result result : results) {
			if (result.passed()) {
				transcript.note("PASS " + result.test());
			} else {
				failed++;
				transcript.note("FAIL " + result.test());
				result.failures().forEach(failure -> transcript.note("    " + failure));
			}
		}
		String summary = (results.size() - failed) + " passed, " + failed + " failed";
		transcript.note(summary);
		status.setText("Tests: " + summary);
	}

	private IDocument openDocument(IFile sourceFile) {
		for (var reference : site.getPage().getEditorReferences()) {
			IEditorPart editor = reference.getEditor(false);
			if (editor instanceof ITextEditor text && editor.getEditorInput() instanceof IFileEditorInput input
					&& input.getFile().equals(sourceFile)) {
				return text.getDocumentProvider().getDocument(input);
			}
		}
		return null;
	}

	static Path location(IFile file) {
		return file.getLocation().toFile().toPath();
	}
}
