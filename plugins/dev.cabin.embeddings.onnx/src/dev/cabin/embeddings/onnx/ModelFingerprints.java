package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cabin.engine.nlu.SentenceModelFiles;

/** The hashes of the shipped models' files, computed once per run, two models at a time if asked from two threads. */
final class ModelFingerprints implements SentenceModelFiles {

	private final Map<EmbeddedModel, Fingerprint> fingerprints = new ConcurrentHashMap<>();
	private final Map<EmbeddedModel, Object> locks = new EnumMap<>(EmbeddedModel.class);
	private final ModelCopies copies;

	/** @param copies where the model files hashed are kept for the sessions that load them next, or {@code null} */
	ModelFingerprints(ModelCopies copies) {
		this.copies = copies;
		for (EmbeddedModel model : EmbeddedModel.values()) {
			locks.put(model, new Object());
		}
	}

	/** The SHA-256 of the model's files (model, then tokenizer) and their size. */
	@Override
	public Fingerprint fingerprint(String modelId) {
		EmbeddedModel model = shipped(modelId);
		// not computeIfAbsent: it would hold a lock of the map, which another model may share, while it hashes
		synchronized (locks.get(model)) {
			Fingerprint known = fingerprints.get(model);
			if (known == null) {
				known = digest(model);
				fingerprints.put(model, known);
			}
			return known;
		}
	}

	/** @throws IllegalArgumentException for a model Cabin does not ship */
	static EmbeddedModel shipped(String modelId) {
		return EmbeddedModel.byId(modelId).orElseThrow(
				() -> new IllegalArgumentException("Cabin does not ship the model \"" + modelId + "\""));
	}

	private Fingerprint digest(EmbeddedModel model) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long bytes = 0;
			for (String file : model.files()) {
				bytes += copies != null && file.equals(model.modelFile()) ? copies.copyAndKeep(model, digest)
						: hash(model, file, digest);
			}
			return new Fingerprint(HexFormat.of().formatHex(digest.digest()), bytes);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read the model files: " + e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	static long hash(EmbeddedModel model, String file, MessageDigest digest) throws IOException {
		try (InputStream in = model.open(file)) {
			return new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
		}
	}
}
