package dev.cabin.cli;

import java.util.HashMap;
import java.util.Map;

import dev.cabin.car.Command;
import dev.cabin.car.CommandLine;
import dev.cabin.car.Terminal;
import dev.cabin.web.WebCommand;

/**
 * The {@code cabin} command line: one entry point, one sub-command per task. Exit codes: 0 success, 1 the
 * input has errors, 2 bad usage.
 */
public final class Main {

	static final int OK = Command.OK;
	static final int FAILED = Command.FAILED;
	static final int USAGE = Command.USAGE;

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
			""" + dev.cabin.car.Main.COMMANDS_USAGE + """
			  publish PKG --trust PUBKEY --hawkbit URL [--tenant T] [--assign CAR,...]
			      [--rollout NAME --filter QUERY --groups N --success PCT --error PCT]
			                               put a car package on Eclipse hawkBit and deploy it (the account is
			                               read from CABIN_HAWKBIT_USER and CABIN_HAWKBIT_PASSWORD)
			  rollout status|start|pause|resume NAME|ID --hawkbit URL [--tenant T]
			                               a rollout's groups, cars per state and failures; steer it
			  diagram FILE... [--agent ID] [--flow NAME] --svg OUT.svg [--png OUT.png]
			                               draw the agents' triggers and flows for a review
			  import FORMAT FILE... -o AGENT.cabin [--max-per-intent N] [--name AGENT]
			                               turn NLU corpora (jsonl, rasa, csv) into an agent
			  labtest AGENT... --corpus FILE.jsonl [--json OUT.json] [--html OUT.html] [--threads N] [--agent ID]
			                               measure how well an agent recognizes a corpus
			  lsp [--max-message-bytes N] [--max-json-depth N] [--max-document-chars N]
			                               the language server (LSP on stdin and stdout) for editors
			""" + WebCommand.USAGE + """
			  studio                       start Cabin Studio (the launcher script handles it)
			  help                         this text
			""";

	private final Terminal terminal;
	private final Map<String, String> environment;

	public Main(Terminal terminal) {
		this(terminal, System.getenv());
	}

	/** @param environment where the fleet commands find the hawkBit account; tests pass their own */
	public Main(Terminal terminal, Map<String, String> environment) {
		this.terminal = terminal;
		this.environment = environment;
	}

	public static void main(String[] args) {
		CommandLine.quietLibraryLogging();
		System.exit(new Main(CommandLine.standardTerminal()).run(args));
	}

	public int run(String... args) {
		Map<String, Command> commands = new HashMap<>(dev.cabin.car.Main.commands());
		commands.putAll(Map.of(
				"check", new CheckCommand(),
				"build", new BuildCommand(),
				"chat", new ChatCommand(),
				"test", new TestCommand(),
				"keygen", new KeygenCommand(),
				"export", new ExportCommand(),
				"diagram", new DiagramCommand(),
				"import", new ImportCommand(),
				"labtest", new LabtestCommand(),
				"lsp", new LspCommand()));
		commands.put("web", new WebCommand(Toolchain::service));
		commands.put("publish", new PublishCommand(environment));
		commands.put("rollout", new RolloutCommand(environment));
		return new CommandLine(USAGE_TEXT, commands, terminal).run(args);
	}
}
