package dev.cabin.car;

import java.util.Map;

/**
 * What a head unit runs from the command line, on a plain class path with only the engine, the sentence models
 * and the LLM adapter: verify a car package, install it into A/B build slots, roll back, and run a verified build
 * as {@code cabin run} does. The toolchain's {@code cabin} command line offers the same commands.
 */
public final class Main {

	/** The usage lines of the car's commands. */
	public static final String COMMANDS_USAGE = """
			  verify PKG --trust PUBKEY [--vehicle ID] [--manifest]
			                               every check a car makes before loading a package (exit 1 if invalid)
			  install PKG --trust PUBKEY --slots DIR [--allow-downgrade] [--vehicle ID]
			                               install into A/B build slots, keeping the previous build
			  rollback --slots DIR --trust PUBKEY
			                               make the previous build active again
			  run (--slots DIR | PKG) --trust PUBKEY [--vehicle ID] [--agent ID] [--script EVENTS.jsonl]
			                               run a verified build as a car does, like chat
			  car --hawkbit URL --controller ID --token-file F --slots DIR --trust PUBKEY --vehicle ID
			      [--market M] [--tenant T] [--poll-interval 30s]
			                               the car as an Eclipse hawkBit device: poll, verify, install, report
			""";

	private static final String USAGE = "usage: cabin <command> [options]\n\ncommands:\n" + COMMANDS_USAGE
			+ "  help                         this text\n";

	private Main() {
	}

	/** The car's commands by name. */
	public static Map<String, Command> commands() {
		return Map.of("verify", new VerifyCommand(), "install", new InstallCommand(), "rollback",
				new RollbackCommand(), "run", new RunCommand(), "car", new CarCommand());
	}

	public static void main(String[] args) {
		CommandLine.quietLibraryLogging();
		System.exit(new CommandLine(USAGE, commands(), CommandLine.standardTerminal()).run(args));
	}
}
