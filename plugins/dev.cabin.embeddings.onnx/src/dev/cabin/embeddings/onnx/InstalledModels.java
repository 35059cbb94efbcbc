package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;

/**
 * The models' fingerprints for a start from a build slot: a model the install extracted into the slot is loaded
 * from there, and its fingerprint is the one the install computed as it wrote the file, without hashing it again.
 * The slot is the car's own storage, trusted as far as the jars of the car runtime are: only while the slot, the
 * model's file and its record belong to the car's user and nobody else may write them, and the file has the size
 * the install wrote. Otherwise the model is hashed from the runtime's jar, as before there were extracted models.
 * The session is built from ONNX Runtime's optimized form of the model on the same terms, and only for the runtime
 * that wrote it ({@link OptimizedModel}); otherwise from the model itself.
 */
final class InstalledModels implements SentenceModelFiles {

	private final Path slot;
	private final ModelCopies copies;
	private final SentenceModelFiles fromTheJars;
	private final Consumer<String> report;
	private final Map<EmbeddedModel, Fingerprint> decided = new EnumMap<>(EmbeddedModel.class);

	/** @param report told, in a line for people, where each model is loaded from and why */
	InstalledModels(Path slot, ModelCopies copies, SentenceModelFiles fromTheJars, Consumer<String> report) {
		this.slot = slot;
		this.copies = copies;
		this.fromTheJars = fromTheJars;
		this.report = report;
	}

	/**
	 * Starts loading, one after the other in the background, the models the slot's install extracted, before the
	 * slot's package is checked: they are this runtime's own models, checked as it wrote them, and loading them
	 * takes nothing from the package, so a start need not wait for the package's checks to begin. The package's
	 * manifest is still checked against them before an engine is built.
	 */
	void loadAhead(SentenceEncoders encoders) {
		for (EmbeddedModel model : EmbeddedModel.values()) {
			if (Files.isRegularFile(InstalledModelRecord.file(slot, model))) {
				fingerprint(model.id());
				encoders.loadInBackground(model.language());
			}
		}
	}

	/** Each model is looked at once: the package's check gets the fingerprint decided while loading ahead. */
	@Override
	public Fingerprint fingerprint(String modelId) {
		synchronized (decided) {
			return decided.computeIfAbsent(ModelFingerprints.shipped(modelId), this::decide);
		}
	}

	private Fingerprint decide(EmbeddedModel model) {
		String modelId = model.id();
		Path file = InstalledModelRecord.modelFile(slot, model);
		try {
			InstalledModelRecord installed = InstalledModelRecord.read(slot, model);
			String unusable = unusable(installed, file, model);
			if (unusable == null) {
				Path optimized = OptimizedModel.file(slot, model);
				String optimizedUnusable = optimizedUnusable(installed.optimized(), optimized);
				copies.useInstalled(model, optimizedUnusable == null ? optimized : file, optimizedUnusable == null);
				report.accept("model " + modelId + ": " + file + ", checked at install"
						+ (optimizedUnusable == null ? ", optimized at install" : "; " + optimizedUnusable));
				return installed.fingerprint();
			}
			report.accept("model " + modelId + ": " + unusable + "; checking the runtime's own copy instead");
		} catch (IOException | UnsupportedOperationException e) {
			report.accept("model " + modelId + ": cannot read " + file + " (" + e.getMessage()
					+ "); checking the runtime's own copy instead");
		}
		return fromTheJars.fingerprint(modelId);
	}

	private String unusable(InstalledModelRecord installed, Path file, EmbeddedModel model) throws IOException {
		if (installed == null || !Files.isRegularFile(file)) {
			return "not extracted into " + slot + " at install";
		}
		for (Path path : new Path[] { slot, file, InstalledModelRecord.file(slot, model) }) {
			if (!OwnerOnly.holdsFor(path)) {
				return path + " may be changed by others than " + System.getProperty("user.name");
			}
		}
		return wrongSize(file, installed.modelFileSize(), "extracted");
	}

	/* Why the optimized form is not used: the session is then built from the model, optimizing it again. */
	private String optimizedUnusable(InstalledModelRecord.Optimized optimized, Path file) throws IOException {
		if (optimized == null || !Files.isRegularFile(file)) {
			return "not optimized at install";
		}
		if (!optimized.runtime().equals(OptimizedModel.runtime())) {
			return "optimized by " + optimized.runtime() + ", not by this runtime's " + OptimizedModel.runtime();
		}
		if (!OwnerOnly.holdsFor(file)) {
			return file + " may be changed by others than " + System.getProperty("user.name");
		}
		return wrongSize(file, optimized.fileSize(), "optimized");
	}

	private static String wrongSize(Path file, long installed, String how) throws IOException {
		long size = Files.size(file);
		return size == installed ? null : file + " is " + size + " bytes, not the " + installed + " the install " + how;
	}
}
