package dev.cabin.compiler.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.compiler.CompileException;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * The one way from {@code .cabin} sources to the engine's IR, for every tool (the command line, Cabin Studio's
 * builder, simulator, lab and export, the Maven plugin through the command line): load and validate
 * ({@link #load}), then {@link #compile} to IR. A compile of sources compiled before, unchanged down to what they
 * import, their out-of-scope examples, their project's catalogue, the toolchain and the sentence models (see
 * {@link CacheKey}), is served from the {@link IrCache}: nothing is embedded or trained again. A compile reports
 * its progress and can be cancelled; a cancelled compile keeps nothing. Thread-safe: a tool shares one service.
 */
public final class CompileService {

	private final CabinSources sources;
	private final SentenceEncoders encoders;
	private final SentenceModelFiles modelFiles;
	private final IrCache cache;

	/**
	 * @param sources how sources are loaded (on the process' one Xtext injector)
	 * @param encoders the sentence encoders that embed the examples, which the engine that runs the IR must use too
	 * @param modelFiles the files of the encoders' models, whose hashes the cache key and car packages record
	 * @param cache where compiled agents are kept
	 */
	public CompileService(CabinSources sources, SentenceEncoders encoders, SentenceModelFiles modelFiles,
			IrCache cache) {
		this.sources = sources;
		this.encoders = encoders;
		this.modelFiles = modelFiles;
		this.cache = cache;
	}

	/** The encoders the IR's examples are embedded with (for the engine that runs it). */
	public SentenceEncoders encoders() {
		return encoders;
	}

	/** The files of the encoders' models. */
	public SentenceModelFiles modelFiles() {
		return modelFiles;
	}

	/** Loads and validates files, with what they import; every problem comes with its location. */
	public LoadResult load(List<Path> files) {
		return sources.load(files);
	}

	/** Loads and validates one document from memory, as an editor holds it (what it imports from disk). */
	public LoadResult load(Path file, String text) {
		return sources.load(file, text);
	}

	/**
	 * The IR of loaded sources, from the cache when they were compiled before.
	 *
	 * @param loaded a load without errors
	 * @param progress told of the long work: embedding the examples, training the classifiers (nothing when the
	 *        IR comes from the cache)
	 * @param cancellation asked between the stages and at every report of progress
	 * @throws CompileException for what validation cannot rule out, with its location
	 * @throws CancellationException when cancelled; nothing is cached then
	 * @throws IllegalStateException when a sentence model cannot be loaded
	 */
	public Compilation compile(LoadResult loaded, Progress progress, Cancellation cancellation) {
		if (loaded.hasErrors()) {
			throw new IllegalArgumentException("the sources have errors; a compile needs a load without errors");
		}
		long start = System.nanoTime();
		stopIfCancelled(cancellation);
		String key = loaded.files().isEmpty() ? null : key(loaded);
		CabinIr cached = key == null ? null : cache.get(key);
		if (cached != null) {
			return new Compilation(cached, true, millisSince(start), FalseAcceptWarnings.of(loaded.files(), cached));
		}
		stopIfCancelled(cancellation);
		CabinIr ir;
		try {
			ir = new CabinCompiler(encoders, cache.folder(), cancellable(progress, cancellation)).compile(loaded.files());
		} catch (RuntimeException e) {
			if (cancellation.isCancelled()) {
				throw cancelled(e);
			}
			throw e;
		}
		stopIfCancelled(cancellation);
		if (key != null) {
			cache.put(key, ir);
		}
		return new Compilation(ir, false, millisSince(start), FalseAcceptWarnings.of(loaded.files(), ir));
	}

	/** The key of the sources, or {@code null} when one of the files it covers cannot be read (not cached then). */
	private String key(LoadResult loaded) {
		try {
			return CacheKey.of(loaded.files(), encoders, modelFiles, cache.toolchain());
		} catch (IOException e) {
			return null;
		}
	}

	/* The compiler reports after each example and each fit: the finest place it lets a compile stop. */
	private static Progress cancellable(Progress progress, Cancellation cancellation) {
		return (task, done, total) -> {
			stopIfCancelled(cancellation);
			progress.report(task, done, total);
		};
	}

	private static void stopIfCancelled(Cancellation cancellation) {
		if (cancellation.isCancelled()) {
			throw new CancellationException("the compile was cancelled");
		}
	}

	/* The parallel streams of embedding and training may hand the cancellation back wrapped. */
	private static CancellationException cancelled(RuntimeException cause) {
		CancellationException cancelled = new CancellationException("the compile was cancelled");
		cancelled.initCause(cause);
		return cancelled;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}
}
