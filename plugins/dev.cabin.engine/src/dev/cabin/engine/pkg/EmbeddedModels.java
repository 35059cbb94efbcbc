package dev.cabin.engine.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The hashes of the sentence-encoder models this engine ships, so that a package names the exact model files its
 * embeddings were made with and a car refuses a package made with other ones (its embeddings would be
 * meaningless next to the car's query embeddings, though the model id is the same).
 */
public final class EmbeddedModels {

	private record ModelFiles(Class<?> owner, List<String> resources) {
	}

	/* Keyed by the model ids of dev.cabin.engine.nlu.SentenceEncoders. */
	private static final Map<String, ModelFiles> FILES = Map.of(
			"bge-small-en-v15-q", new ModelFiles(BgeSmallEnV15QuantizedEmbeddingModel.class,
					List.of("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json")),
			"bge-small-zh-v15-q", new ModelFiles(BgeSmallZhV15QuantizedEmbeddingModel.class,
					List.of("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json")));

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
		ModelFiles files = FILES.get(modelId);
		if (files == null) {
			throw new IllegalArgumentException("this engine does not ship the model \"" + modelId + "\"");
		}
		return FINGERPRINTS.computeIfAbsent(modelId, id -> digest(files));
	}

	private static Fingerprint digest(ModelFiles files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long bytes = 0;
			for (String resource : files.resources()) {
				try (InputStream in = files.owner().getClassLoader().getResourceAsStream(resource)) {
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
