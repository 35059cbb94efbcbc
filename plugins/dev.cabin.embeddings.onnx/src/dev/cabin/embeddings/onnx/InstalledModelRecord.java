package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.cabin.engine.nlu.SentenceModelFiles.Fingerprint;

/**
 * What an install found a model's files to be when it extracted the model into a build slot: their fingerprint
 * (the one the package's signed manifest was checked against), the size of the extracted ONNX file and, when the
 * install also wrote ONNX Runtime's optimized form of it, that file's size and the runtime it is valid for. It is
 * written, next to the model's file, only once those files are complete.
 */
record InstalledModelRecord(Fingerprint fingerprint, long modelFileSize, Optimized optimized) {

	/** The optimized form's size and the {@link OptimizedModel#runtime()} that wrote it. */
	record Optimized(long fileSize, String runtime) {
	}

	private static final String SUFFIX = ".verified";
	private static final String PARTIAL = ".part";

	/** The model's extracted ONNX file in a slot. */
	static Path modelFile(Path slot, EmbeddedModel model) {
		return slot.resolve(model.modelFile());
	}

	static Path file(Path slot, EmbeddedModel model) {
		return slot.resolve(model.modelFile() + SUFFIX);
	}

	/** A file written beside its final name, for {@link #moveIntoPlace}. */
	static Path partial(Path file) {
		return file.resolveSibling(file.getFileName() + PARTIAL);
	}

	/** Written beside, synced, moved into place: a cut-short install leaves no record of a torn model. */
	void write(Path slot, EmbeddedModel model) throws IOException {
		Path file = file(slot, model);
		Path partial = partial(file);
		String optimizedFields = optimized == null ? "" : " " + optimized.fileSize() + " " + optimized.runtime();
		Files.writeString(partial, fingerprint.sha256() + " " + fingerprint.bytes() + " " + modelFileSize
				+ optimizedFields + "\n", StandardCharsets.US_ASCII);
		moveIntoPlace(partial, file);
	}

	/** The record of a slot's model, or {@code null} if there is none or it is not in the form written. */
	static InstalledModelRecord read(Path slot, EmbeddedModel model) throws IOException {
		Path file = file(slot, model);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		List<String> fields = List.of(Files.readString(file, StandardCharsets.US_ASCII).strip().split(" "));
		if ((fields.size() != 3 && fields.size() != 5) || !fields.get(0).matches("[0-9a-f]{64}")) {
			return null;
		}
		try {
			Optimized optimized = fields.size() == 5 ? new Optimized(Long.parseLong(fields.get(3)), fields.get(4)) : null;
			return new InstalledModelRecord(new Fingerprint(fields.get(0), Long.parseLong(fields.get(1))),
					Long.parseLong(fields.get(2)), optimized);
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/* Only the car's user may read or write a slot's model files (rw-------), whatever the umask. */
	static void moveIntoPlace(Path partial, Path file) throws IOException {
		Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
