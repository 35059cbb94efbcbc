package dev.cabin.ui.compile;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * The compile service of Cabin Studio, shared by the builder, the simulator, the lab test and the export wizard,
 * so that an agent compiled by one is not compiled again by another (nor after a save that changed nothing):
 * its cache lives as long as the workbench, and in the standard cache folder across sessions. Created on first
 * use rather than at bundle activation.
 */
public final class StudioCompileService {

	/** A document's model (for views that look at the source) and its compilation. */
	public record CompiledDocument(LoadResult loaded, Compilation compilation) {
	}

	private StudioCompileService() {
	}

	private static final class Holder {
		static final CompileService SERVICE = new CompileService(CabinLanguage.sources(), OnnxModels.encoders(),
				OnnxModels.files(), IrCache.standard(System.getenv()));
	}

	public static CompileService get() {
		return Holder.SERVICE;
	}

	/**
	 * Loads, validates and compiles the text of a file as an editor holds it (unsaved changes included).
	 *
	 * @throws CompileException for the first error in the sources (saying how many more there are), or what the
	 *         compiler found
	 * @throws java.util.concurrent.CancellationException when cancelled
	 */
	public static CompiledDocument compile(Path file, String text, Progress progress, Cancellation cancellation) {
		LoadResult loaded = get().load(file, text);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new CompileException(errors.get(0).format()
					+ (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : ""));
		}
		return new CompiledDocument(loaded, get().compile(loaded, progress, cancellation));
	}
}
