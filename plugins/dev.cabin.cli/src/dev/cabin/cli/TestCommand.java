package dev.cabin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.conversation.Cassette;
import dev.cabin.conversation.ConversationRunner;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.lab.FalseAcceptsMeter;
import dev.cabin.llm.LlmSettings;

/**
 * {@code cabin test PATH... [--junit FILE] [--cassette FILE [--record]] [--llm LLM.properties]}: runs the
 * conversation tests ({@code test} blocks) of the agents in the given files and directories, offline unless
 * an LLM is configured; with a cassette, LLM steps replay what was recorded once ({@code --record} records
 * against the configured LLM). {@code expect false accepts below N%} runs the held-back background of unrelated
 * speech through the agent (once per agent) and prints its false accepts; {@code --background} does so for every
 * agent. Exit 0 when every test passed, 1 otherwise.
 */
final class TestCommand implements Command {

	@Override
	public Set<String> flags() {
		return Set.of("--record", "--verbose", "--background");
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String junit = arguments.option("--junit");
		String cassettePath = arguments.option("--cassette");
		String llm = arguments.option("--llm");
		boolean record = arguments.flag("--record");
		boolean verbose = arguments.flag("--verbose");
		boolean background = arguments.flag("--background");
		arguments.rejectUnknown();
		if (record && cassettePath == null) {
			throw new UsageException("--record needs --cassette FILE to record into");
		}
		LlmSettings settings = Toolchain.llmSettings(llm, System.getenv());
		LanguageModel live = Toolchain.languageModel(settings, System.getenv());
		if (record && live == null) {
			throw new UsageException("--record needs an LLM: --llm LLM.properties or CABIN_LLM_PROVIDER");
		}
		LoadResult loaded = Toolchain.loadWithoutErrors(SourceFiles.expand(arguments.positional()), terminal);
		CabinIr ir = loaded == null ? null : Toolchain.compile(loaded, terminal);
		if (ir == null) {
			return Main.FAILED;
		}
		List<AgentIr> agents = testedAgents(loaded, ir);
		int tests = agents.stream().mapToInt(agent -> agent.tests().size()).sum();
		if (tests == 0) {
			terminal.err().println("cabin test: no test blocks in " + String.join(", ", arguments.positional()));
			return Main.FAILED;
		}
		Cassette cassette;
		try {
			cassette = cassettePath == null ? null
					: record ? Cassette.record(Path.of(cassettePath), live) : Cassette.replay(Path.of(cassettePath));
		} catch (IOException e) {
			terminal.err().println("cabin test: cannot use the cassette " + cassettePath + ": " + e.getMessage());
			return Main.FAILED;
		}
		Engine engine = Toolchain.engine(ir, cassette != null ? cassette : live, settings, terminal, "test");
		if (engine == null) {
			return Main.FAILED;
		}
		terminal.err().println("running " + tests + " conversation test" + (tests == 1 ? "" : "s") + " of "
				+ agents.size() + " agent" + (agents.size() == 1 ? "" : "s")
				+ (cassette != null ? " (LLM: " + cassette.name() + ")" : live != null ? " (LLM: " + live.name() + ")"
						: " (offline)"));
		FalseAcceptsMeter meter = new FalseAcceptsMeter(ir, Toolchain.service().encoders(), Progress.NONE,
				(agent, accepts) -> FalseAcceptsLines.print(agent.id(), accepts, terminal.out()));
		ConversationRunner runner = new ConversationRunner(engine, meter::rate);
		JUnitReport report = new JUnitReport();
		int failed = 0;
		for (AgentIr agent : agents) {
			for (var test : agent.tests()) {
				ConversationRunner.Result result = runner.run(agent, test);
				report.add(result);
				terminal.out().printf("%s %s: %s (%d ms)%n", result.passed() ? "PASS" : "FAIL", result.agent(),
						result.test(), result.millis());
				if (!result.passed()) {
					failed++;
					result.failures().forEach(failure -> terminal.out().println("    " + relative(failure.toString())));
				}
				if (!result.passed() || verbose) {
					result.transcript().forEach(line -> terminal.out().println("      " + line));
				}
			}
		}
		if (cassette != null) {
			try {
				cassette.save();
			} catch (IOException e) {
				terminal.err().println("cabin test: cannot write the cassette " + cassettePath + ": " + e.getMessage());
				return Main.FAILED;
			}
		}
		if (junit != null) {
			try {
				Files.writeString(Path.of(junit), report.toXml());
			} catch (IOException e) {
				terminal.err().println("cabin test: cannot write " + junit + ": " + e.getMessage());
				return Main.FAILED;
			}
		}
		if (background) {
			agents.forEach(meter::of);
		}
		terminal.out().println((tests - failed) + " passed, " + failed + " failed");
		return failed == 0 ? Main.OK : Main.FAILED;
	}

	/* The agents of the files the user named; an imported agent is in the IR only to take hand-offs. */
	private static List<AgentIr> testedAgents(LoadResult loaded, CabinIr ir) {
		Set<String> named = loaded.files().stream().flatMap(file -> file.getAgents().stream()).map(Agent::getName)
				.collect(Collectors.toSet());
		return ir.agents().stream().filter(agent -> named.contains(agent.id())).toList();
	}

	/** A location under the working directory, as the user named the files. */
	private static String relative(String location) {
		String cwd = Path.of("").toAbsolutePath() + "/";
		return location.startsWith(cwd) ? location.substring(cwd.length()) : location;
	}
}
