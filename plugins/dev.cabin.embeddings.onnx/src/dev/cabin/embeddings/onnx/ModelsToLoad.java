package dev.cabin.embeddings.onnx;

import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * The models' fingerprints for a runtime that loads the models it checks next, a car running a package: each model
 * is inflated out of its jar once, into the copy that is hashed and that its session is then built from, and its
 * encoder is loaded in the background as soon as it is hashed, after the models hashed before it, while the
 * package's other checks go on.
 * Loading a model this runtime ships uses nothing of the package; the engine is still only built from a package
 * that passed every check.
 */
final class ModelsToLoad implements SentenceModelFiles {

	private final SentenceModelFiles checked;
	private final SentenceEncoders encoders;

	/** @param checked the fingerprints, which leave the file each model's session is built from in the copies */
	ModelsToLoad(SentenceModelFiles checked, SentenceEncoders encoders) {
		this.checked = checked;
		this.encoders = encoders;
	}

	@Override
	public Fingerprint fingerprint(String modelId) {
		Fingerprint fingerprint = checked.fingerprint(modelId);
		encoders.loadInBackground(EmbeddedModel.byId(modelId).orElseThrow().language());
		return fingerprint;
	}
}
