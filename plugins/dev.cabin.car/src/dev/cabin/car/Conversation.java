package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.EventFormatException;
import dev.cabin.engine.event.EventJson;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.language.TerminalText;

/**
 * A conversation with an agent of an engine, as {@code cabin chat} and {@code cabin run} hold it: typed in the
 * terminal (speech as text, other modalities as slash commands) or read from a script of JSON events (one per
 * line, any modality) with one JSON object per reply on stdout. With tracing on, every turn's trace goes to
 * stderr as one JSON line.
 */
public final class Conversation {

	private final ObjectMapper json = new ObjectMapper();
	private boolean trace;

	/** @param trace whether each turn's trace goes to stderr (the typed {@code /trace} command changes it) */
	public Conversation(boolean trace) {
		this.trace = trace;
	}

	/** The {@code --script} option's file, checked to exist, or {@code null}. */
	public static Path script(Arguments arguments) throws UsageException {
		String script = arguments.option("--script");
		Path scriptPath = script == null ? null : Path.of(script);
		if (scriptPath != null && !Files.isRegularFile(scriptPath)) {
			throw new UsageException("no such script: " + script);
		}
		return scriptPath;
	}

	/**
	 * A conversation with an agent of the engine (its first agent unless one is named): typed in the terminal, or
	 * the script's when there is one.
	 */
	public int talk(Engine engine, String agentId, boolean wakeWord, Path scriptPath, Terminal terminal)
			throws UsageException {
		Engine.SessionOptions options = new Engine.SessionOptions().requireWakeWord(wakeWord);
		Session session = agentId == null ? engine.openSession(engine.firstAgentId(), options)
				: engine.openSession(agentId, options);
		if (session == null) {
			throw new UsageException("no agent \"" + agentId + "\" in the given files");
		}
		return scriptPath != null ? runScript(scriptPath, session, terminal) : converse(session, terminal);
	}

	/*
	 * A bad line is reported at its own number and skipped; the conversation goes on. Replies are JSON, whose
	 * strings escape every control character; what the script said is escaped before it is quoted.
	 */
	private int runScript(Path script, Session session, Terminal terminal) {
		EventJson events = new EventJson();
		int badLines = 0;
		try (ScriptLines lines = new ScriptLines(Files.newInputStream(script))) {
			for (ScriptLines.Line line = lines.next(); line != null; line = lines.next()) {
				if (line.text() != null && line.text().isBlank()) {
					continue;
				}
				try {
					TurnResult turn = session.handle(event(line, events));
					printJson(turn, terminal);
					printTrace(turn, terminal);
				} catch (EventFormatException e) {
					badLines++;
					terminal.err().println(TerminalText.escaped(script) + ":" + line.number() + ": error: "
							+ TerminalText.escaped(e.getMessage()));
				}
			}
		} catch (IOException e) {
			terminal.err().println("cabin: cannot read " + TerminalText.escaped(script) + ": "
					+ TerminalText.escaped(e.getMessage()));
			return Command.FAILED;
		}
		return badLines == 0 ? Command.OK : Command.FAILED;
	}

	private static InputEvent event(ScriptLines.Line line, EventJson events) throws EventFormatException {
		if (line.error() != null) {
			throw new EventFormatException(line.error());
		}
		return events.parse(line.text());
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
			if (reply.screen() != null) {
				line.put("screen", reply.screen());
			}
			terminal.out().println(write(line));
		}
	}

	private void printTrace(TurnResult turn, Terminal terminal) {
		if (trace) {
			terminal.err().println(turn.trace().toJson());
		}
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a reply could not be written as JSON", e);
		}
	}

	private int converse(Session session, Terminal terminal) {
		terminal.out().println("Talking to " + session.agentId() + " (" + session.locale()
				+ "). Type what you would say; /help lists the other modalities; /quit ends.");
		try {
			while (true) {
				terminal.out().print("you> ");
				terminal.out().flush();
				String line = terminal.in().readLine();
				if (line == null || line.strip().equals("/quit")) {
					return Command.OK;
				}
				if (!line.isBlank()) {
					handleLine(line.strip(), session, terminal);
				}
			}
		} catch (IOException e) {
			terminal.err().println("cabin chat: " + e.getMessage());
			return Command.FAILED;
		}
	}

	private void handleLine(String line, Session session, Terminal terminal) {
		InputEvent event;
		if (line.startsWith("/")) {
			String[] parts = line.split("\\s+", 2);
			String argument = parts.length > 1 ? parts[1] : "";
			try {
				if (setting(parts[0], argument, session, terminal)) {
					return;
				}
				event = SlashCommand.event(parts[0], argument);
			} catch (UsageException | IllegalArgumentException e) {
				show(terminal, "(" + e.getMessage() + ")");
				return;
			}
			if (event == null) {
				show(terminal, "(unknown command " + parts[0] + "; /help lists them)");
				return;
			}
		} else {
			event = new InputEvent.Voice(line);
		}
		TurnResult turn = session.handle(event);
		for (Reply reply : turn.replies()) {
			show(terminal, reply.agent() + "> " + (reply.type().equals("stop") ? "(stops speaking)" : reply.text())
					+ (reply.screen() != null ? "   [screen: " + reply.screen() + "]" : ""));
		}
		for (ToolCall call : turn.toolCalls()) {
			show(terminal, "  (" + call.tool() + " " + call.args() + ": " + call.outcome()
					+ (call.reason() != null ? ", " + call.reason() : "") + ")");
		}
		if (turn.handoff() != null) {
			show(terminal, "  (now talking to " + turn.handoff() + ")");
		}
		printTrace(turn, terminal);
	}

	/** Handles the commands that change the chat rather than send an event; whether it was one. */
	private boolean setting(String name, String argument, Session session, Terminal terminal) {
		switch (name) {
		case "/help":
			terminal.out().print(SlashCommand.HELP);
			return true;
		case "/locale":
			show(terminal, session.locale(argument.strip()) ? "(speaking " + argument.strip() + ")"
					: "(" + session.agentId() + " does not speak " + argument.strip() + ")");
			return true;
		case "/trace":
			trace = !argument.strip().equals("off");
			show(terminal, "(trace " + (trace ? "on" : "off") + ")");
			return true;
		case "/state":
			show(terminal, "  vehicle: " + session.vehicle().snapshot());
			show(terminal, "  memory:  " + session.memory());
			show(terminal, "  driver:  " + session.driverState() + ", locale " + session.locale()
					+ ", agent " + session.agentId() + (session.awaiting() ? ", waiting for an answer" : ""));
			return true;
		default:
			return false;
		}
	}

	/*
	 * Replies, slots and signal values come from a model, an agent's author or the user: none of them may reach
	 * the terminal as a control sequence.
	 */
	private static void show(Terminal terminal, String line) {
		terminal.out().println(TerminalText.printable(line));
	}
}
