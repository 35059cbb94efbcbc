package dev.cabin.engine.nlu;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;


/**
 * The sentence encoder of each language, loaded on first use and shared: a model takes tens of megabytes
 * and most of a second to load, and is thread-safe once loaded.
 */
public final class SentenceEncoders {

	private static final SentenceEncoders EMBEDDED = new SentenceEncoders(SentenceEncoders::load);

	private final Map<Language, SentenceEncoder> loaded = new EnumMap<>(Language.class);
	private final Function<Language, SentenceEncoder> loader;

	/** Encoders made by the loader, once per language (another model, or a test's). */
	public SentenceEncoders(Function<Language, SentenceEncoder> loader) {
		this.loader = loader;
	}

	/**
	 * The in-process ONNX models shipped with the engine: BGE small v1.5 (quantized) for English and for Chinese.
	 * For English it tells intents apart and out-of-scope utterances from them better than MiniLM on the
	 * CLINC150 benchmark, at the same speed (README, "Recognition lab").
	 */
	public static SentenceEncoders embedded() {
		return EMBEDDED;
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

	private static SentenceEncoder load(Language language) {
		return EmbeddedModel.of(language).load();
	}
}
