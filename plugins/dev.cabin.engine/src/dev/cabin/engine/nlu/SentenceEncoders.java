package dev.cabin.engine.nlu;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.cabin.engine.ir.EncoderInfo;

/**
 * The port through which the engine embeds sentences: the encoder of each language, loaded on first use and
 * shared, since a model takes tens of megabytes and most of a second to load, and is thread-safe once loaded. The
 * shipped models come from their adapter bundle ({@code dev.cabin.embeddings.onnx}).
 */
public final class SentenceEncoders {

	/** Encoders loaded ahead of need, one at a time, so that they never take more than one processor. */
	private static final Executor IN_THE_BACKGROUND = Executors.newSingleThreadExecutor(work -> {
		Thread thread = new Thread(work, "cabin-sentence-models");
		thread.setDaemon(true);
		return thread;
	});

	/** The encoder of one language, once loaded; its lock is held while it loads. */
	private static final class Slot {
		private SentenceEncoder encoder;
	}

	private final Map<Language, Slot> slots = new EnumMap<>(Language.class);
	private final Function<Language, SentenceEncoder> loader;
	private final Function<Language, EncoderInfo> declared;

	/** Encoders made by the loader, once per language (a test's); what each is is known once it is loaded. */
	public SentenceEncoders(Function<Language, SentenceEncoder> loader) {
		this(loader, null);
	}

	/**
	 * Encoders made by the loader, once per language, whose model ids and vector lengths are declared before they
	 * load (the shipped models' adapter, which refuses a model that makes other vectors than it declares): an
	 * engine checks an IR against them without waiting for every model.
	 */
	public SentenceEncoders(Function<Language, SentenceEncoder> loader, Function<Language, EncoderInfo> declared) {
		this.loader = loader;
		this.declared = declared;
		for (Language language : Language.values()) {
			slots.put(language, new Slot());
		}
	}

	/**
	 * The model id and vector length of a language's encoder: as declared, or read from the encoder, which is then
	 * loaded.
	 *
	 * @throws IllegalStateException when the model is not declared and cannot be loaded
	 */
	public EncoderInfo describe(Language language) {
		if (declared != null) {
			return declared.apply(language);
		}
		SentenceEncoder encoder = forLanguage(language);
		return new EncoderInfo(encoder.modelId(), encoder.dimension());
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
	 * Loads the encoder of the first language on the calling thread and returns once it is loaded; the other
	 * languages' encoders load after it, one at a time, on a thread of their own, and whoever needs one of them
	 * meanwhile waits for it. A car answers in its first language without waiting for the others, and their
	 * loading does not take a processor from the first.
	 *
	 * @throws IllegalStateException when the first language's model cannot be loaded (another language's model
	 *             that cannot be loaded is reported when that language is needed)
	 */
	public void loadFirst(List<Language> languages) {
		if (languages.isEmpty()) {
			return;
		}
		forLanguage(languages.get(0));
		languages.subList(1, languages.size()).forEach(this::loadInBackground);
	}

	/**
	 * Has the language's encoder loaded on the one background thread, after those asked for before: a model that
	 * cannot be loaded is reported to whoever needs it, for whom it is loaded again.
	 */
	public void loadInBackground(Language language) {
		IN_THE_BACKGROUND.execute(() -> {
			try {
				forLanguage(language);
			} catch (IllegalStateException e) {
				// reported when the encoder is needed
			}
		});
	}
}
