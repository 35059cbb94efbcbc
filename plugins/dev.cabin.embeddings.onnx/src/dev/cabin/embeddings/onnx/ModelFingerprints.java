package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cabin.engine.nlu.SentenceModelFiles;

/** The hashes of the shipped models' files, computed once per run. */
final class ModelFingerprints implements SentenceModelFiles {

	private final Map<String, Fingerprint> fingerprints = new ConcurrentHashMap<>();

	/** The SHA-256 of the model's files (model, then tokenizer) and their size. */
	@Override
	public Fingerprint fingerprint(String modelId) {
		EmbeddedModel model = EmbeddedModel.byId(modelId).orElseThrow(
				() -> new IllegalArgumentException("Cabin does not ship the model \"" + modelId + "\""));
		return fingerprints.computeIfAbsent(modelId, id -> digest(model));
	}

	private static Fingerprint digest(EmbeddedModel model) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long bytes = 0;
			for (String resource : model.files()) {
				try (InputStream in = model.open(resource)) {
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
