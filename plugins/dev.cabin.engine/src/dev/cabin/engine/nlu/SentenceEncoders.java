package dev.cabin.engine.nlu;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The port through which the engine embeds sentences: the encoder of each language, loaded on first use and
 * shared, since a model takes tens of megabytes and most of a second to load, and is thread-safe once loaded.
 * The shipped models come from their adapter bundle ({@code dev.cabin.embeddings.onnx}).
 */
public final class SentenceEncoders {

	private final Map<Language, SentenceEncoder> loaded = new EnumMap<>(Language.class);
	private final Function<Language, SentenceEncoder> loader;

	/** Encoders made by the loader, once per language (the shipped models' adapter, or a test's). */
	public SentenceEncoders(Function<Language, SentenceEncoder> loader) {
		this.loader = loader;
	}

	/**
	 * The encoder of a language, loaded on first use.
	 *
	 * @throws IllegalStateException when the model cannot be loaded (its package is missing or broken)
	 */
	public synchronized SentenceEncoder forLanguage(Language language) {
		SentenceEncoder encoder = loaded.get(language);
		if (encoder == null) {
			try {
				encoder = loader.apply(language);
			} catch (RuntimeException | LinkageError e) {
				throw new IllegalStateException("the " + language.code() + " sentence model cannot be loaded ("
						+ e.getClass().getSimpleName() + ": " + e.getMessage() + "); is its package on the class path?", e);
			}
			loaded.put(language, encoder);
		}
		return encoder;
	}
}
