package dev.cabin.engine.nlu;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The port through which the engine embeds sentences: the encoder of each language, loaded on first use and
 * shared, since a model takes tens of megabytes and most of a second to load, and is thread-safe once loaded.
 * Two languages load at the same time. The shipped models come from their adapter bundle
 * ({@code dev.cabin.embeddings.onnx}).
 */
public final class SentenceEncoders {

	/** The encoder of one language, once loaded; its lock is held while it loads. */
	private static final class Slot {
		private SentenceEncoder encoder;
	}

	private final Map<Language, Slot> slots = new EnumMap<>(Language.class);
	private final Function<Language, SentenceEncoder> loader;

	/** Encoders made by the loader, once per language (the shipped models' adapter, or a test's). */
	public SentenceEncoders(Function<Language, SentenceEncoder> loader) {
		this.loader = loader;
		for (Language language : Language.values()) {
			slots.put(language, new Slot());
		}
	}

	/**
	 * The encoder of a language, loaded on first use.
	 *
	 * @throws IllegalStateException when the model cannot be loaded (its package is missing or broken)
	 */
	public SentenceEncoder forLanguage(Language language) {
		Slot slot = slots.get(language);
		synchronized (slot) {
			if (slot.encoder == null) {
				try {
					slot.encoder = loader.apply(language);
				} catch (RuntimeException | LinkageError e) {
					throw new IllegalStateException("the " + language.code() + " sentence model cannot be loaded ("
							+ e.getClass().getSimpleName() + ": " + e.getMessage() + "); is its package on the class path?",
							e);
				}
			}
			return slot.encoder;
		}
	}

	/**
	 * Loads the encoders of the languages at the same time, the first on the calling thread and each other one on
	 * its own, and waits for them: a car with two languages starts in the time of its slower model.
	 *
	 * @throws IllegalStateException when a model cannot be loaded
	 */
	public void load(List<Language> languages) {
		List<CompletableFuture<SentenceEncoder>> others = languages.stream().skip(1)
				.map(language -> CompletableFuture.supplyAsync(() -> forLanguage(language))).toList();
		if (!languages.isEmpty()) {
			forLanguage(languages.get(0));
		}
		try {
			CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
		} catch (CompletionException e) {
			throw e.getCause() instanceof IllegalStateException cause ? cause : e;
		}
	}
}
