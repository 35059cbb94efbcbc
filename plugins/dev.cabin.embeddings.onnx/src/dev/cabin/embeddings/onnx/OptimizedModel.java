package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * ONNX Runtime's optimized form of a model (its graph with the layer fusions done), written at install into the
 * build slot beside the model, in ONNX Runtime's own format: a session is built from the file mapped into memory,
 * with no optimization left to do, no parsing into a second copy and the weights read where they lie, and embeds
 * to the same bits. It is only valid for the ONNX Runtime and the processor that wrote it, which is why the install
 * writes it on the car itself and records {@link #runtime()}.
 */
final class OptimizedModel {

	private static final String SUFFIX = ".ort";

	private OptimizedModel() {
	}

	/** Where the optimized form of a slot's model is kept. */
	static Path file(Path slot, EmbeddedModel model) {
		return slot.resolve(model.modelFile() + SUFFIX);
	}

	/**
	 * The ONNX Runtime and processor an optimized form is valid for, without loading ONNX Runtime: its version, the
	 * processor's architecture and, where the system describes it, a checksum of the processor's model and features
	 * (a head unit whose board was replaced keeps its storage).
	 */
	static String runtime() {
		return ThisRuntime.DESCRIPTION;
	}

	/* Described once per process, when first asked: each model's record is checked against it at every start. */
	private static final class ThisRuntime {
		static final String DESCRIPTION = describe();

		private static String describe() {
			String version = OrtSession.class.getPackage().getImplementationVersion();
			return "onnxruntime-" + (version == null ? "unknown" : version) + "/" + System.getProperty("os.arch")
					+ processorChecksum();
		}
	}

	private static String processorChecksum() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
			CRC32 checksum = new CRC32();
			lines.takeWhile(line -> !line.isBlank())
					.filter(line -> line.startsWith("model name") || line.startsWith("flags")
							|| line.startsWith("Features") || line.startsWith("CPU part"))
					.forEach(line -> checksum.update(line.getBytes(StandardCharsets.US_ASCII)));
			return String.format("/%08x", checksum.getValue());
		} catch (IOException | UncheckedIOException e) {
			return "";
		}
	}

	/**
	 * Writes the optimized form of the model file beside it, with the model file's permissions and the same care.
	 *
	 * @return its size in bytes
	 */
	static long write(Path modelFile, Path optimized) throws IOException {
		Path partial = InstalledModelRecord.partial(optimized);
		try (OrtSession.SessionOptions options = OnnxSentenceEncoder.options(false)) {
			options.setOptimizedModelFilePath(partial.toString());
			options.addConfigEntry("session.save_model_format", "ORT");
			// its warning that the file is for this processor only is what the recorded runtime() is for
			options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
			OnnxRuntimeLibrary.environment().createSession(modelFile.toString(), options).close();
		} catch (OrtException e) {
			Files.deleteIfExists(partial);
			throw new IOException("ONNX Runtime cannot optimize " + modelFile + ": " + e.getMessage(), e);
		}
		long size = Files.size(partial);
		InstalledModelRecord.moveIntoPlace(partial, optimized);
		return size;
	}

	/**
	 * A session over the optimized form mapped into memory. The mapping is the session's model: it must be kept as
	 * long as the session is used, and the file never written in place (an install writes beside and renames).
	 */
	static MappedSession session(OrtEnvironment environment, Path optimized) throws IOException, OrtException {
		MappedByteBuffer bytes;
		try (FileChannel channel = FileChannel.open(optimized)) {
			bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
		}
		try (OrtSession.SessionOptions options = OnnxSentenceEncoder.options(true)) {
			options.addConfigEntry("session.use_ort_model_bytes_directly", "1");
			options.addConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
			return new MappedSession(environment.createSession(bytes, options), bytes);
		}
	}

	/** A session and the mapped file it reads its graph and weights from. */
	record MappedSession(OrtSession session, MappedByteBuffer model) {
	}
}
