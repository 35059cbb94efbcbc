package dev.cabin.embeddings.onnx;

import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * The models' fingerprints for a runtime that loads the models it checks next, a car running a package: each model
 * is inflated out of its jar once, into the copy that is hashed and that its session is then built from, and its
 * encoder starts loading on a thread of its own as soon as it is hashed, while the package's other checks go on.
 * Loading a model this runtime ships uses nothing of the package; the engine is still only built from a package
 * that passed every check.
 */
final class ModelsToLoad implements SentenceModelFiles {

	private final SentenceModelFiles hashedAsCopied;
	private final SentenceEncoders encoders;

	ModelsToLoad(ModelCopies copies, SentenceEncoders encoders) {
		this.hashedAsCopied = new ModelFingerprints(copies);
		this.encoders = encoders;
	}

	@Override
	public Fingerprint fingerprint(String modelId) {
		Fingerprint fingerprint = hashedAsCopied.fingerprint(modelId);
		EmbeddedModel model = EmbeddedModel.byId(modelId).orElseThrow();
		Thread loading = new Thread(() -> {
			try {
				encoders.forLanguage(model.language());
			} catch (IllegalStateException e) {
				// reported when the engine asks for the encoder, which loads it again
			}
		}, "cabin-model-load");
		loading.setDaemon(true);
		loading.start();
		return fingerprint;
	}
}
