package dev.cabin.engine.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cabin.engine.nlu.EmbeddedModel;

/**
 * The hashes of the sentence-encoder models this engine ships, so that a package names the exact model files its
 * embeddings were made with and a car refuses a package made with other ones (its embeddings would be
 * meaningless next to the car's query embeddings, though the model id is the same).
 */
public final class EmbeddedModels {

	/** The hash of a model's files and their total size. */
	public record Fingerprint(String sha256, long bytes) {
	}

	private static final Map<String, Fingerprint> FINGERPRINTS = new ConcurrentHashMap<>();

	private EmbeddedModels() {
	}

	/**
	 * The SHA-256 of the model's files (model, then tokenizer) and their size, computed once per run.
	 *
	 * @throws IllegalArgumentException for a model this engine does not ship
	 */
	public static Fingerprint fingerprint(String modelId) {
		EmbeddedModel model = EmbeddedModel.byId(modelId).orElseThrow(
				() -> new IllegalArgumentException("this engine does not ship the model \"" + modelId + "\""));
		return FINGERPRINTS.computeIfAbsent(modelId, id -> digest(model));
	}

	private static Fingerprint digest(EmbeddedModel model) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long bytes = 0;
			for (String resource : model.files()) {
				try (InputStream in = model.packageClass().getClassLoader().getResourceAsStream(resource)) {
					if (in == null) {
						throw new IllegalStateException("the model file " + resource + " is missing from the class path");
					}
					bytes += new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
				}
			}
			return new Fingerprint(HexFormat.of().formatHex(digest.digest()), bytes);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read the model files: " + e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
