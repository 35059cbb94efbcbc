package dev.cabin.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.Engine;
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

	SimulatorEngines(WorkspacePaths paths, CompileService compiler, Map<String, String> environment) {
		this.paths = paths;
		this.compiler = compiler;
		this.environment = environment;
	}

	/** An engine for the agents of a {@code .cabin} file the browser names, or why there is none. */
	Engine engine(String relativePath) throws Refusal {
		Path file = paths.resolve(relativePath);
		if (!relativePath.endsWith(".cabin") || !Files.isRegularFile(file)) {
			throw new Refusal(Refusal.NOT_FOUND, "\"path\" must name a .cabin file of the workspace");
		}
		LoadResult loaded = compiler.load(List.of(file));
		if (loaded.hasErrors()) {
			throw new Refusal(Refusal.BAD_REQUEST, "the agent has errors; fix them first:\n" + errors(loaded, relativePath));
		}
		try {
			LlmSettings settings = LlmSettings.load(null, environment);
			Engine.Builder builder = Engine.builder(compiler.compile(loaded, Progress.NONE, Cancellation.NEVER).ir(),
					compiler.encoders());
			if (settings != null) {
				builder.languageModel(Providers.create(settings, environment)).faultPolicy(settings.faultPolicy());
			}
			return builder.build();
		} catch (CompileException | IrFormatException e) {
			throw new Refusal(Refusal.BAD_REQUEST, e.getMessage());
		} catch (LlmConfigurationException e) {
			throw new Refusal(Refusal.BAD_REQUEST, "the server's LLM configuration: " + e.getMessage());
		}
	}

	private String errors(LoadResult loaded, String relativePath) {
		return loaded.problems().stream().filter(problem -> problem.severity() == Problem.Severity.ERROR)
				.limit(PROBLEMS_SHOWN).map(problem -> (problem.file() == null ? relativePath
						: paths.relative(problem.file())) + ":" + problem.line() + ":"
						+ problem.column() + ": " + problem.message())
				.collect(Collectors.joining("\n"));
	}
}
