package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

/**
 * The models' ONNX files copied out of their jars, where they are deflated, into temporary files: ONNX Runtime
 * builds a session from a file (README, "Car runtime"). A car first hashes a model's files against its package's
 * signed manifest and then loads the model; one copy, hashed as it is written, serves both, so that a start
 * inflates each model once instead of twice. A copy is created by this process, readable by its user only, and
 * deleted once a session is built from it (at exit if none is).
 */
final class ModelCopies {

	private final Map<EmbeddedModel, Path> kept = new EnumMap<>(EmbeddedModel.class);

	/**
	 * Copies the model, feeding its bytes to the digest, and keeps the copy for the model's session.
	 *
	 * @return the model's size in bytes
	 */
	long copyAndKeep(EmbeddedModel model, MessageDigest digest) throws IOException {
		Path copy = copy(model, digest);
		Path replaced;
		synchronized (kept) {
			replaced = kept.put(model, copy);
		}
		if (replaced != null) {
			Files.deleteIfExists(replaced);
		}
		return Files.size(copy);
	}

	/** The copy kept for the model, or a new one: the caller deletes it once the session is built. */
	Path take(EmbeddedModel model) throws IOException {
		Path copy;
		synchronized (kept) {
			copy = kept.remove(model);
		}
		return copy != null ? copy : copy(model, null);
	}

	private static Path copy(EmbeddedModel model, MessageDigest digest) throws IOException {
		Path file = Files.createTempFile("cabin-" + model.modelFile(), "");
		file.toFile().deleteOnExit();
		try (InputStream in = model.open(model.modelFile())) {
			Files.copy(digest == null ? in : new DigestInputStream(in, digest), file, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
		return file;
	}
}
