package dev.cabin.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.compiler.CabinCompiler;
import dev.cabin.compiler.CompileException;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.llm.LlmConfigurationException;
import dev.cabin.llm.LlmSettings;
import dev.cabin.llm.Providers;

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

	/**
	 * The IR of the files, or {@code null} (after printing why) when they have errors. The IR of sources compiled
	 * before comes from the {@link IrCache}; compiling shows its progress.
	 */
	static CabinIr compile(List<Path> files, Terminal terminal) {
		LoadResult result = loadWithoutErrors(files, terminal);
		if (result == null) {
			return null;
		}
		if (result.files().isEmpty()) {
			return new CabinCompiler(OnnxModels.encoders()).compile(result.files());
		}
		IrCache cache = IrCache.standard(System.getenv());
		CabinIr cached = cache == null ? null : cache.get(result.files());
		if (cached != null) {
			return cached;
		}
		try {
			CabinIr ir = new CabinCompiler(OnnxModels.encoders(), ProgressLine.on(terminal))
					.compile(result.files());
			if (cache != null) {
				cache.put(result.files(), ir);
			}
			return ir;
		} catch (CompileException e) {
			terminal.err().println(e.getMessage().replaceFirst(": ", ": error: "));
			return null;
		}
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

	/** The LLM the configuration file (or none) and the environment ask for, or {@code null} for none. */
	static LlmSettings llmSettings(String file, Map<String, String> environment) throws UsageException {
		Path path = file == null ? null : Path.of(file);
		if (path != null && !java.nio.file.Files.isRegularFile(path)) {
			throw new UsageException("no such LLM configuration: " + file);
		}
		try {
			return LlmSettings.load(path, environment);
		} catch (LlmConfigurationException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static LanguageModel languageModel(LlmSettings settings, Map<String, String> environment) throws UsageException {
		try {
			return settings == null ? null : Providers.create(settings, environment);
		} catch (LlmConfigurationException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/** An engine for the IR with the model (or offline), or {@code null} after saying why it cannot run. */
	static Engine engine(CabinIr ir, LanguageModel model, LlmSettings settings, Terminal terminal, String command) {
		try {
			Engine.Builder builder = Engine.builder(ir, OnnxModels.encoders()).languageModel(model);
			if (settings != null) {
				builder.faultPolicy(settings.faultPolicy());
			}
			return builder.build();
		} catch (IrFormatException e) {
			terminal.err().println("cabin " + command + ": " + e.getMessage());
			return null;
		}
	}
}
