package dev.cabin.engine.nlu;

/**
 * The files of the sentence models a runtime embeds queries with, by model id, as car packages record them: a
 * package names the exact model files its embeddings were made with, and a car refuses a package made with other
 * ones (its embeddings would be meaningless next to the car's query embeddings, though the model id is the same).
 */
public interface SentenceModelFiles {

	/** The hash of a model's files and their total size. */
	record Fingerprint(String sha256, long bytes) {
	}

	/**
	 * The SHA-256 of the model's files and their size.
	 *
	 * @throws IllegalArgumentException for a model this runtime does not have
	 */
	Fingerprint fingerprint(String modelId);
}
