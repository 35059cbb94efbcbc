package dev.cabin.compiler.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
 * its progress and can be cancelled; a cancelled compile keeps nothing. Thread-safe: a tool shares one service,
 * and a compile asked for while the same sources are being compiled waits for that compile's IR instead of
 * embedding and training them a second time.
 */
public final class CompileService {

	private final CabinSources sources;
	/** What a compile reports while the same sources are being compiled elsewhere. */
	public static final String WAITING = "waiting for the same agent's compile elsewhere";

	private final SentenceEncoders encoders;
	private final SentenceModelFiles modelFiles;
	private final IrCache cache;
	/* One lock per key being compiled; removed when nobody waits for it. */
	private final ConcurrentHashMap<String, ReentrantLock> compiling = new ConcurrentHashMap<>();

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
		if (key == null) {
			CabinIr ir = compiled(loaded, progress, cancellation);
			return compilation(loaded, ir, false, start);
		}
		CabinIr cached = cache.get(key);
		if (cached != null) {
			return compilation(loaded, cached, true, start);
		}
		ReentrantLock lock = compiling.computeIfAbsent(key, k -> new ReentrantLock());
		acquire(lock, progress, cancellation);
		try {
			cached = cache.get(key);
			if (cached != null) {
				return compilation(loaded, cached, true, start);
			}
			CabinIr ir = compiled(loaded, progress, cancellation);
			cache.put(key, ir);
			return compilation(loaded, ir, false, start);
		} finally {
			lock.unlock();
			if (!lock.hasQueuedThreads()) {
				// a caller that took this lock from the map just now compiles beside the next one: the old cost, once
				compiling.remove(key, lock);
			}
		}
	}

	private static Compilation compilation(LoadResult loaded, CabinIr ir, boolean fromCache, long start) {
		return new Compilation(ir, fromCache, millisSince(start), FalseAcceptWarnings.of(loaded.files(), ir));
	}

	private CabinIr compiled(LoadResult loaded, Progress progress, Cancellation cancellation) {
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
		return ir;
	}

	/* Waits for a compile of the same sources elsewhere (another editor, view or browser session) to end. */
	private static void acquire(ReentrantLock lock, Progress progress, Cancellation cancellation) {
		try {
			if (lock.tryLock()) {
				return;
			}
			progress.report(WAITING, 0, 1);
			while (!lock.tryLock(50, TimeUnit.MILLISECONDS)) {
				stopIfCancelled(cancellation);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("the compile was interrupted");
		}
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
