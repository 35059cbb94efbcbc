package dev.cabin.cli;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.nlu.SentenceEncoders;

/** Loading, checking and compiling sources, shared by the commands. */
final class Toolchain {

	private Toolchain() {
	}

	/** Loads and validates the files, printing every problem in the compiler format. */
	static LoadResult check(List<Path> files, Terminal terminal, boolean problemsToStdout) {
		LoadResult result = CabinSources.standalone().load(files);
		for (Problem problem : result.problems()) {
			(problemsToStdout ? terminal.out() : terminal.err()).println(problem.format());
		}
		return result;
	}

	/** The IR of the files, or {@code null} (after printing why) when they have errors. */
	static CabinIr compile(List<Path> files, Terminal terminal) {
		LoadResult result = loadWithoutErrors(files, terminal);
		return result == null ? null : new CabinCompiler(SentenceEncoders.embedded()).compile(result.files());
	}

	/** The loaded files, or {@code null} (after printing every problem and why) when they have errors. */
	static LoadResult loadWithoutErrors(List<Path> files, Terminal terminal) {
		LoadResult result = check(files, terminal, false);
		if (result.hasErrors()) {
			terminal.err().println("cabin: the agent has errors; fix them first (cabin check shows them)");
			return null;
		}
		return result;
	}
}
