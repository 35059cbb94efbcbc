package dev.cabin.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.llm.Providers;

/**
 * Engines for {@code /sim}: a workspace file compiled by the process' compile service (its cache serves the
 * sessions that load the same sources), run with the LLM the server's environment configures, if any. The
 * LLM's settings and key stay in the server; a session only ever sees what the engine replies and traces.
 */
final class SimulatorEngines {

	private static final int PROBLEMS_SHOWN = 5;

	private final WorkspacePaths paths;
	private final CompileService compiler;
	private final Map<String, String> environment;
	/* A lab test and a replay's false accepts each run the background through every core: one at a time. */
	private final Semaphore measuring = new Semaphore(1, true);

	SimulatorEngines(WorkspacePaths paths, CompileService compiler, Map<String, String> environment) {
		this.paths = paths;
		this.compiler = compiler;
		this.environment = environment;
	}

	/**
	 * A {@code .cabin} file the browser names, compiled as it is on disk now: its sources (for what the agent
	 * reads and where its tests go), its IR and an engine for its agents.
	 */
	record Compiled(String path, Path file, LoadResult sources, CabinIr ir, Engine engine) {
	}

	/** The agents of a {@code .cabin} file the browser names, compiled, or why they cannot be. */
	Compiled compile(String relativePath) throws Refusal {
		return compile(relativePath, true);
	}

	/**
	 * As {@link #compile(String)}; without the server's LLM when {@code languageModel} is false (a lab test
	 * measures the recognizer as a car runs it, offline).
	 */
	Compiled compile(String relativePath, boolean languageModel) throws Refusal {
		Path file = paths.resolve(relativePath);
		if (!relativePath.endsWith(".cabin") || !Files.isRegularFile(file)) {
			throw new Refusal(Refusal.NOT_FOUND, "\"path\" must name a .cabin file of the workspace");
		}
		LoadResult loaded = compiler.load(List.of(file));
		if (loaded.hasErrors()) {
			throw new Refusal(Refusal.BAD_REQUEST, "the agent has errors; fix them first:\n" + errors(loaded, relativePath));
		}
		try {
			LlmSettings settings = languageModel ? LlmSettings.load(null, environment) : null;
			CabinIr ir = compiler.compile(loaded, Progress.NONE, Cancellation.NEVER).ir();
			Engine.Builder builder = Engine.builder(ir, compiler.encoders());
			if (settings != null) {
				builder.languageModel(Providers.create(settings, environment)).faultPolicy(settings.faultPolicy());
			}
			return new Compiled(relativePath, file, loaded, ir, builder.build());
		} catch (CompileException | IrFormatException e) {
			throw new Refusal(Refusal.BAD_REQUEST, e.getMessage());
		} catch (LlmConfigurationException e) {
			throw new Refusal(Refusal.BAD_REQUEST, "the server's LLM configuration: " + e.getMessage());
		}
	}

	/** The process' compile service, for sources read again (a file changed since it was compiled). */
	CompileService compiler() {
		return compiler;
	}

	WorkspacePaths paths() {
		return paths;
	}

	/** Takes the server's measuring turn unless a measurement runs; then {@link #measured()} hands it on. */
	boolean measureAlone() {
		return measuring.tryAcquire();
	}

	void measured() {
		measuring.release();
	}

	/** A measurement that waits for those before it (a replay: its session is waiting for the results anyway). */
	double measureInTurn(DoubleSupplier measurement) {
		measuring.acquireUninterruptibly();
		try {
			return measurement.getAsDouble();
		} finally {
			measuring.release();
		}
	}

	private String errors(LoadResult loaded, String relativePath) {
		return loaded.problems().stream().filter(problem -> problem.severity() == Problem.Severity.ERROR)
				.limit(PROBLEMS_SHOWN).map(problem -> paths.located(problem, relativePath))
				.collect(Collectors.joining("\n"));
	}
}
