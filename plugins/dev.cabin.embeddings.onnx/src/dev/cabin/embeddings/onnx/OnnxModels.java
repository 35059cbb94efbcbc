package dev.cabin.embeddings.onnx;

import java.nio.file.Path;
import java.util.function.Consumer;

import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;
import dev.cabin.engine.pkg.SlotModels;

/**
 * The sentence models Cabin ships, as in-process ONNX models: BGE small v1.5 (quantized) for English and for
 * Chinese. For English it ranks the CLINC150 in-car intents better than e5-small-v2 and all-MiniLM-L6-v2, the other
 * in-process models on Maven Central (README, "The CLINC150 agent with the background"). One instance of each per
 * process: a model takes tens of megabytes and is thread-safe once loaded.
 */
public final class OnnxModels {

	private static final ModelCopies COPIES = new ModelCopies();
	private static final SentenceEncoders ENCODERS = new SentenceEncoders(
			language -> new OnnxSentenceEncoder(EmbeddedModel.of(language), COPIES),
			language -> EmbeddedModel.of(language).info());
	private static final SentenceModelFiles FILES = new ModelFingerprints(null);
	private static final SentenceModelFiles HASHED_AS_COPIED = new ModelFingerprints(COPIES);
	private static final SentenceModelFiles FILES_TO_LOAD = new ModelsToLoad(HASHED_AS_COPIED, ENCODERS);

	private OnnxModels() {
	}

	/** The encoder of each language, loaded on first use. */
	public static SentenceEncoders encoders() {
		return ENCODERS;
	}

	/** The tokenizer of a language's model: the token ids the model reads for a text. */
	public static WordPieceTokenizer tokenizer(Language language) {
		return EmbeddedModel.of(language).tokenizer();
	}

	/** The ids and file hashes of the models, which car packages record and a car checks. */
	public static SentenceModelFiles files() {
		return FILES;
	}

	/**
	 * The same, for a runtime that loads the models it checks next (a car running a package): each model is
	 * inflated out of its jar once, for its hash and its session, and starts loading once it is hashed.
	 */
	public static SentenceModelFiles filesToLoad() {
		return FILES_TO_LOAD;
	}

	/**
	 * The model files kept in a car's build slots: an install extracts each model into the slot, hashed as it is
	 * written; a start from the slot loads it from there without hashing it again, while the slot and the files
	 * belong to the car's user alone (otherwise as {@link #filesToLoad()}).
	 *
	 * @param report told, in a line for people, where a start loads each model from and why
	 */
	public static SlotModels slotModels(Consumer<String> report) {
		return slotModels(report, false);
	}

	/**
	 * The same, for a start that runs the active build: the models its install extracted start loading while its
	 * package is being checked.
	 */
	public static SlotModels slotModelsLoadingAhead(Consumer<String> report) {
		return slotModels(report, true);
	}

	private static SlotModels slotModels(Consumer<String> report, boolean loadingAhead) {
		return new SlotModels() {
			@Override
			public SentenceModelFiles extractingInto(Path slot) {
				return new ModelExtraction(slot);
			}

			@Override
			public SentenceModelFiles installedIn(Path slot) {
				InstalledModels installed = new InstalledModels(slot, COPIES, HASHED_AS_COPIED, report);
				if (loadingAhead) {
					installed.loadAhead(ENCODERS);
				}
				return new ModelsToLoad(installed, ENCODERS);
			}
		};
	}
}
