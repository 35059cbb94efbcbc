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

	/**
	 * A model's file for its session: a temporary copy, which the session's builder deletes, or an installed one,
	 * which may be ONNX Runtime's optimized form of the model.
	 */
	record ModelFile(Path path, boolean temporary, boolean optimized) {
	}

	private final Map<EmbeddedModel, ModelFile> kept = new EnumMap<>(EmbeddedModel.class);

	/**
	 * Copies the model, feeding its bytes to the digest, and keeps the copy for the model's session.
	 *
	 * @return the model's size in bytes
	 */
	long copyAndKeep(EmbeddedModel model, MessageDigest digest) throws IOException {
		Path copy = copy(model, digest);
		keep(model, new ModelFile(copy, true, false));
		return Files.size(copy);
	}

	/**
	 * Builds the model's session from a file installed beside the package that was checked against it.
	 *
	 * @param optimized whether the file is ONNX Runtime's optimized form of the model
	 */
	void useInstalled(EmbeddedModel model, Path file, boolean optimized) throws IOException {
		keep(model, new ModelFile(file, false, optimized));
	}

	private void keep(EmbeddedModel model, ModelFile file) throws IOException {
		ModelFile replaced;
		synchronized (kept) {
			replaced = kept.put(model, file);
		}
		if (replaced != null && replaced.temporary()) {
			Files.deleteIfExists(replaced.path());
		}
	}

	/** The file kept for the model, or a new temporary copy: the caller deletes a temporary one after use. */
	ModelFile take(EmbeddedModel model) throws IOException {
		ModelFile file;
		synchronized (kept) {
			file = kept.remove(model);
		}
		return file != null ? file : new ModelFile(copy(model, null), true, false);
	}

	/** Copies one of the model's files, feeding its bytes to the digest if there is one. */
	static void copy(EmbeddedModel model, String name, MessageDigest digest, Path to) throws IOException {
		try (InputStream in = model.open(name)) {
			Files.copy(digest == null ? in : new DigestInputStream(in, digest), to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static Path copy(EmbeddedModel model, MessageDigest digest) throws IOException {
		Path file = Files.createTempFile("cabin-" + model.modelFile(), "");
		file.toFile().deleteOnExit();
		try {
			copy(model, model.modelFile(), digest, file);
		} catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
		return file;
	}
}
