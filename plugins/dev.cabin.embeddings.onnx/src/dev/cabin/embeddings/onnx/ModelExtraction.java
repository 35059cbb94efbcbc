package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * The models' fingerprints for an install: each model's ONNX file is extracted into the build slot as it is
 * hashed, for later starts to load it from there (README, "Car runtime"), together with ONNX Runtime's
 * optimized form of it ({@link OptimizedModel}), which later starts build their sessions from. The record of what
 * it hashed to is written once the files are complete; the install makes the slot active only after the package
 * was checked against these fingerprints, and a slot whose package does not verify is deleted with its files.
 */
final class ModelExtraction implements SentenceModelFiles {

	private final Path slot;

	ModelExtraction(Path slot) {
		this.slot = slot;
	}

	@Override
	public Fingerprint fingerprint(String modelId) {
		EmbeddedModel model = ModelFingerprints.shipped(modelId);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Path file = InstalledModelRecord.modelFile(slot, model);
			Path partial = InstalledModelRecord.partial(file);
			long bytes = 0;
			for (String name : model.files()) {
				if (name.equals(model.modelFile())) {
					ModelCopies.copy(model, name, digest, partial);
					bytes += Files.size(partial);
				} else {
					bytes += ModelFingerprints.hash(model, name, digest);
				}
			}
			long modelFileSize = Files.size(partial);
			InstalledModelRecord.moveIntoPlace(partial, file);
			long optimizedSize = OptimizedModel.write(file, OptimizedModel.file(slot, model));
			InstalledModelRecord installed = new InstalledModelRecord(
					new Fingerprint(HexFormat.of().formatHex(digest.digest()), bytes), modelFileSize,
					new InstalledModelRecord.Optimized(optimizedSize, OptimizedModel.runtime()));
			installed.write(slot, model);
			return installed.fingerprint();
		} catch (IOException e) {
			throw new IllegalStateException("cannot extract the model " + model.modelFile() + " into " + slot + ": "
					+ e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
