package dev.cabin.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code cabin} command line: one entry point, one sub-command per task. Exit codes: 0 success, 1 the
 * input has errors, 2 bad usage.
 */
public final class Main {

	static final int OK = 0;
	static final int FAILED = 1;
	static final int USAGE = 2;

	private static final String USAGE_TEXT = """
			usage: cabin <command> [options]

			commands:
			  check FILE|DIR...            report problems as path:line:col: severity: message
			  build FILE... -o OUT.json    compile agents to the engine's IR
			  chat FILE... [--agent ID] [--script EVENTS.jsonl] [--llm LLM.properties] [--trace] [--wake-word]
			                               talk to an agent in the terminal (/help lists gaze, signals,
			                               gestures, ...), or run a scripted conversation of JSON events
			  test PATH... [--junit FILE] [--cassette FILE [--record]] [--llm LLM.properties] [--verbose]
			                               run the agents' conversation tests
			  keygen -o KEYFILE            a new Ed25519 signing key (KEYFILE, owner-only) and KEYFILE.pub
			  export FILE... --profile PROFILE --key KEYFILE -o OUT.cabinpkg [--version X.Y.Z] [--agents A,B]
			                               check agents against a vehicle profile, write a signed car package
			  verify PKG --trust PUBKEY [--vehicle ID] [--manifest]
			                               every check a car makes before loading a package (exit 1 if invalid)
			  install PKG --trust PUBKEY --slots DIR [--allow-downgrade] [--vehicle ID]
			                               install into A/B build slots, keeping the previous build
			  rollback --slots DIR         make the previous build active again
			  run (--slots DIR [--trust PUBKEY] | PKG --trust PUBKEY) [--agent ID] [--script EVENTS.jsonl]
			                               run a verified build as a car does, like chat
			  diagram FILE... [--agent ID] [--flow NAME] --svg OUT.svg [--png OUT.png]
			                               draw the agents' triggers and flows for a review
			  import FORMAT FILE... -o AGENT.cabin [--max-per-intent N] [--name AGENT]
			                               turn NLU corpora (jsonl, rasa, csv) into an agent
			  labtest AGENT... --corpus FILE.jsonl [--json OUT.json] [--html OUT.html] [--threads N] [--agent ID]
			                               measure how well an agent recognizes a corpus
			  lsp [--max-message-bytes N] [--max-json-depth N] [--max-document-chars N]
			                               the language server (LSP on stdin and stdout) for editors
			  studio                       start Cabin Studio (the launcher script handles it)
			  help                         this text
			""";

	private final Terminal terminal;

	public Main(Terminal terminal) {
		this.terminal = terminal;
	}

	public static void main(String[] args) {
		quietLibraryLogging();
		Terminal terminal = new Terminal(
				new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
				new PrintStream(System.out, true, StandardCharsets.UTF_8),
				new PrintStream(System.err, true, StandardCharsets.UTF_8));
		System.exit(new Main(terminal).run(args));
	}

	/*
	 * ONNX Runtime and the tokenizer log through SLF4J at INFO (native library extraction, defaults they chose);
	 * on a terminal that is noise between the user's answers. Warnings and errors still show.
	 */
	private static void quietLibraryLogging() {
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
			System.setProperty("org.slf4j.simpleLogger.log.ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "error");
		}
	}

	public int run(String... args) {
		if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
			(args.length == 0 ? terminal.err() : terminal.out()).print(USAGE_TEXT);
			return args.length == 0 ? USAGE : OK;
		}
		Map<String, Command> commands = Map.ofEntries(
				Map.entry("check", new CheckCommand()),
				Map.entry("build", new BuildCommand()),
				Map.entry("chat", new ChatCommand()),
				Map.entry("test", new TestCommand()),
				Map.entry("keygen", new KeygenCommand()),
				Map.entry("export", new ExportCommand()),
				Map.entry("verify", new VerifyCommand()),
				Map.entry("install", new InstallCommand()),
				Map.entry("rollback", new RollbackCommand()),
				Map.entry("run", new RunCommand()),
				Map.entry("diagram", new DiagramCommand()),
				Map.entry("import", new ImportCommand()),
				Map.entry("labtest", new LabtestCommand()),
				Map.entry("lsp", new LspCommand()));
		Command command = commands.get(args[0]);
		if (command == null) {
			terminal.err().println("cabin: unknown command \"" + args[0] + "\"");
			terminal.err().print(USAGE_TEXT);
			return USAGE;
		}
		try {
			return command.run(Arguments.parse(Arrays.copyOfRange(args, 1, args.length), command.flags()), terminal);
		} catch (UsageException e) {
			terminal.err().println("cabin " + args[0] + ": " + e.getMessage());
			return USAGE;
		}
	}
}
