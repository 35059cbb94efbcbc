package dev.cabin.cli;

import java.nio.file.Path;
import java.util.Set;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Conversation;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.llm.LlmSettings;

/**
 * {@code cabin chat FILE... [--agent ID] [--script EVENTS.jsonl] [--llm LLM.properties] [--trace] [--wake-word]}:
 * compiles the agents and holds a {@link Conversation} with one of them, typed in the terminal or read from a
 * script of JSON events. With {@code --trace} every turn's trace goes to stderr as one JSON line.
 */
final class ChatCommand implements Command {

	@Override
	public Set<String> flags() {
		return Set.of("--trace", "--wake-word");
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String agentId = arguments.option("--agent");
		Path scriptPath = Conversation.script(arguments);
		String llm = arguments.option("--llm");
		boolean trace = arguments.flag("--trace");
		boolean wakeWord = arguments.flag("--wake-word");
		arguments.rejectUnknown();
		LlmSettings settings = Toolchain.llmSettings(llm, System.getenv());
		CabinIr ir = Toolchain.compile(SourceFiles.expand(arguments.positional()), terminal);
		if (ir == null) {
			return Main.FAILED;
		}
		Engine engine = Toolchain.engine(ir, Toolchain.languageModel(settings, System.getenv()), settings, terminal, "chat");
		if (engine == null) {
			return Main.FAILED;
		}
		return new Conversation(trace).talk(engine, agentId, wakeWord, scriptPath, terminal);
	}
}
