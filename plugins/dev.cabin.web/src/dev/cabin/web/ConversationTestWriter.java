package dev.cabin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.conversation.ConversationTestText;
import dev.cabin.dsl.query.AgentEnd;

/**
 * Saves a simulated conversation as a conversation test ({@code test "name" { ... }}, what {@code cabin test}
 * runs) at the end of its agent, in the file as it is on disk now. The file is replaced only if nobody changed
 * it between the read and the write (the file API's version check), so an edit saved meanwhile is never lost;
 * an editor holding the old version is refused its next save (409) instead of overwriting the test.
 */
final class ConversationTestWriter {

	static final int MAX_NAME_CHARS = 200;

	private final WorkspaceFiles files;
	private final CompileService compiler;

	ConversationTestWriter(WorkspaceFiles files, CompileService compiler) {
		this.files = files;
		this.compiler = compiler;
	}

	/** Appends the conversation as a test to its agent; the line of the new {@code test}. */
	int save(SimConversation conversation, String name) throws IOException, Refusal {
		if (name.isBlank() || name.length() > MAX_NAME_CHARS || name.contains("\n")) {
			throw new Refusal(Refusal.BAD_REQUEST, "\"name\": a test needs a name of one line, at most "
					+ MAX_NAME_CHARS + " characters");
		}
		if (conversation.turns().isEmpty()) {
			throw new Refusal(Refusal.BAD_REQUEST, "nothing to save: the conversation has no turn yet");
		}
		String path = conversation.path();
		WorkspaceFiles.Version current = files.read(path);
		String text = new String(current.bytes(), StandardCharsets.UTF_8);
		String agentId = conversation.agent().id();
		int offset = AgentEnd.closingBrace(compiler.load(files.file(path), text), agentId, text);
		if (offset < 0) {
			throw new Refusal(Refusal.CONFLICT, path + " no longer has agent " + agentId + "; nothing saved");
		}
		String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
		String indent = text.contains(lineBreak + "\t") ? "\t" : "    ";
		String before = text.substring(0, offset);
		String separator = (before.endsWith(lineBreak) ? "" : lineBreak) + lineBreak;
		String block = ConversationTestText.of(name.strip(), Map.of(), conversation.turns(), indent, lineBreak);
		files.save(path, current.etag(), (before + separator + block + text.substring(offset))
				.getBytes(StandardCharsets.UTF_8));
		return (int) (before + separator).lines().count() + 1;
	}
}
