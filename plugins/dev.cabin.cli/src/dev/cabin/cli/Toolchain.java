package dev.cabin.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.ide.CabinInjector;
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

	/* One per process: its cache in memory serves the commands a test runs in one JVM, its folder the next run. */
	private static final class Holder {
		static final CompileService SERVICE = new CompileService(CabinInjector.sources(), OnnxModels.encoders(),
				OnnxModels.files(), IrCache.standard(System.getenv()));
	}

	/** The compile service of the command line: the process' injector, the shipped models, the standard cache. */
	static CompileService service() {
		return Holder.SERVICE;
	}

	/** Loads and validates the files, printing every problem in the compiler format. */
	static LoadResult check(List<Path> files, Terminal terminal, boolean problemsToStdout) {
		LoadResult result = service().load(files);
		for (Problem problem : result.problems()) {
			(problemsToStdout ? terminal.out() : terminal.err()).println(problem.format());
		}
		return result;
	}

	/**
	 * The IR of the files, or {@code null} (after printing why) when they have errors. The IR of sources compiled
	 * before comes from the service's cache; compiling shows its progress; the compile stage's warnings go to
	 * standard error.
	 */
	static CabinIr compile(List<Path> files, Terminal terminal) {
		LoadResult result = loadWithoutErrors(files, terminal);
		return result == null ? null : compile(result, terminal);
	}

	/** The IR of loaded files without errors, or {@code null} after printing why it cannot be compiled. */
	static CabinIr compile(LoadResult loaded, Terminal terminal) {
		try {
			Compilation compilation = service().compile(loaded, ProgressLine.on(terminal), Cancellation.NEVER);
			compilation.warnings().forEach(warning -> terminal.err().println(warning.format()));
			return compilation.ir();
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
			Engine.Builder builder = Engine.builder(ir, service().encoders()).languageModel(model);
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
