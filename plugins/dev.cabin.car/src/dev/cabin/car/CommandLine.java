package dev.cabin.car;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.cabin.language.TerminalText;

/** A {@code cabin} command line: one sub-command per task, found by the first argument, or the usage text. */
public final class CommandLine {

	private final String usage;
	private final Map<String, Command> commands;
	private final Terminal terminal;

	public CommandLine(String usage, Map<String, Command> commands, Terminal terminal) {
		this.usage = usage;
		this.commands = Map.copyOf(commands);
		this.terminal = terminal;
	}

	/** The process's standard streams, in UTF-8, without control sequences ({@link TerminalOutput}). */
	public static Terminal standardTerminal() {
		return new Terminal(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
				new PrintStream(new TerminalOutput(System.out), true, StandardCharsets.UTF_8),
				new PrintStream(new TerminalOutput(System.err), true, StandardCharsets.UTF_8));
	}

	/*
	 * ONNX Runtime logs through SLF4J at INFO (native library extraction); on a terminal that is noise between the
	 * user's answers. Warnings and errors still show.
	 */
	public static void quietLibraryLogging() {
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		}
	}

	/** Runs the command the arguments name; its exit code. */
	public int run(String... args) {
		if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
			(args.length == 0 ? terminal.err() : terminal.out()).print(usage);
			return args.length == 0 ? Command.USAGE : Command.OK;
		}
		Command command = commands.get(args[0]);
		if (command == null) {
			terminal.err().println("cabin: unknown command \"" + TerminalText.escaped(args[0]) + "\"");
			terminal.err().print(usage);
			return Command.USAGE;
		}
		try {
			return command.run(Arguments.parse(Arrays.copyOfRange(args, 1, args.length), command.flags()), terminal);
		} catch (UsageException e) {
			// a usage message quotes the arguments, which may be anything
			terminal.err().println("cabin " + args[0] + ": " + TerminalText.escaped(e.getMessage()));
			return Command.USAGE;
		}
	}
}
