package dev.cabin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.EventFormatException;
import dev.cabin.engine.event.EventJson;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * {@code cabin chat FILE... [--agent ID] [--script EVENTS.jsonl]}: a conversation with an agent, typed in the
 * terminal or read from a script of JSON events (one per line) with one JSON object per reply on stdout.
 */
final class ChatCommand implements Command {

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String agentId = arguments.option("--agent");
		Path scriptPath = script(arguments);
		arguments.rejectUnknown();
		CabinIr ir = Toolchain.compile(SourceFiles.expand(arguments.positional()), terminal);
		if (ir == null) {
			return Main.FAILED;
		}
		Engine engine;
		try {
			engine = Engine.load(ir, SentenceEncoders.embedded());
		} catch (IrFormatException e) {
			terminal.err().println("cabin chat: " + e.getMessage());
			return Main.FAILED;
		}
		return talk(engine, agentId, scriptPath, terminal);
	}

	/** The {@code --script} option's file, checked to exist, or {@code null}. */
	static Path script(Arguments arguments) throws UsageException {
		String script = arguments.option("--script");
		Path scriptPath = script == null ? null : Path.of(script);
		if (scriptPath != null && !Files.isRegularFile(scriptPath)) {
			throw new UsageException("no such script: " + script);
		}
		return scriptPath;
	}

	/** A conversation with an agent of the engine: typed in the terminal, or the script's when there is one. */
	int talk(Engine engine, String agentId, Path scriptPath, Terminal terminal) throws UsageException {
		Session session = agentId == null ? engine.openSession() : engine.openSession(agentId);
		if (session == null) {
			throw new UsageException("no agent \"" + agentId + "\" in the given files");
		}
		return scriptPath != null ? runScript(scriptPath, session, terminal) : converse(session, terminal);
	}

	private int runScript(Path script, Session session, Terminal terminal) {
		EventJson events = new EventJson();
		int lineNumber = 0;
		int badLines = 0;
		try (BufferedReader lines = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				lineNumber++;
				if (line.isBlank()) {
					continue;
				}
				try {
					printJson(session.handle(events.parse(line)), terminal);
				} catch (EventFormatException e) {
					badLines++;
					terminal.err().println(script + ":" + lineNumber + ": error: " + e.getMessage());
				}
			}
		} catch (MalformedInputException e) {
			terminal.err().println(script + ":" + (lineNumber + 1) + ": error: the script is not valid UTF-8");
			return Main.FAILED;
		} catch (IOException e) {
			terminal.err().println("cabin chat: cannot read " + script + ": " + e.getMessage());
			return Main.FAILED;
		}
		return badLines == 0 ? Main.OK : Main.FAILED;
	}

	private void printJson(TurnResult result, Terminal terminal) {
		for (Reply reply : result.replies()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("type", reply.type());
			line.put("text", reply.text());
			line.put("intent", reply.intent());
			line.put("score", result.recognition() == null ? null
					: Math.round(result.recognition().score() * 1000) / 1000.0);
			line.put("flow", reply.flow());
			line.put("agent", reply.agent());
			line.put("locale", reply.locale());
			try {
				terminal.out().println(json.writeValueAsString(line));
			} catch (JsonProcessingException e) {
				throw new IllegalStateException("a reply could not be written as JSON", e);
			}
		}
	}

	private int converse(Session session, Terminal terminal) {
		terminal.out().println("Talking to " + session.agentId() + " (" + session.locale()
				+ "). Type what you would say; /quit ends.");
		try {
			while (true) {
				terminal.out().print("you> ");
				terminal.out().flush();
				String line = terminal.in().readLine();
				if (line == null || line.strip().equals("/quit")) {
					return Main.OK;
				}
				if (line.isBlank()) {
					continue;
				}
				for (Reply reply : session.handle(new InputEvent.Voice(line)).replies()) {
					terminal.out().println(session.agentId() + "> " + reply.text());
				}
			}
		} catch (IOException e) {
			terminal.err().println("cabin chat: " + e.getMessage());
			return Main.FAILED;
		}
	}
}
