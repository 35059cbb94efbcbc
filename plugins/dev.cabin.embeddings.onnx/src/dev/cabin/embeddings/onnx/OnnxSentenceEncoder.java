package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.Vectors;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A sentence encoder backed by one of LangChain4j's in-process ONNX models, read from the model's own Maven
 * package, in an ONNX session sized for a head unit. It has no memory arena: the utterances are short, and an
 * arena would keep its largest block for the life of the process. It keeps ONNX Runtime's intra-op thread pool:
 * one thread per utterance made spoken turns slower (README, "Measured") and saved no resident memory.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

	private final String modelId;
	private final EmbeddingModel model;
	private final int dimension;

	/**
	 * @param packageClass a class of the model's package, whose class loader finds the model's resources
	 * @param modelFile the {@code .onnx} resource
	 * @param tokenizerFile the tokenizer's {@code .json} resource
	 */
	OnnxSentenceEncoder(String modelId, Class<?> packageClass, String modelFile, String tokenizerFile,
			PoolingMode pooling) {
		this.modelId = modelId;
		ClassLoader loader = packageClass.getClassLoader();
		try (InputStream tokenizer = resource(loader, tokenizerFile)) {
			OrtEnvironment environment = OnnxRuntimeLibrary.environment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			options.setCPUArenaAllocator(false);
			OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
					session(environment, loader, modelFile, options), tokenizer, pooling);
			this.model = new AbstractInProcessEmbeddingModel(null) {
				@Override
				protected OnnxBertBiEncoder model() {
					return encoder;
				}
			};
		} catch (IOException | OrtException e) {
			throw new IllegalStateException("cannot load the model " + modelFile + ": " + e.getMessage(), e);
		}
		this.dimension = model.dimension();
	}

	/*
	 * ONNX Runtime builds the session from a file: given the model's bytes instead, it would hold them on the Java
	 * heap and again in its own memory while it builds the session, the peak of a car's resident memory. The file
	 * is only needed while the session is built.
	 */
	private static OrtSession session(OrtEnvironment environment, ClassLoader loader, String modelFile,
			OrtSession.SessionOptions options) throws IOException, OrtException {
		Path file = Files.createTempFile("cabin-" + modelFile, "");
		try {
			try (InputStream model = resource(loader, modelFile)) {
				Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
			}
			return environment.createSession(file.toString(), options);
		} finally {
			Files.delete(file);
		}
	}

	private static InputStream resource(ClassLoader loader, String name) throws IOException {
		InputStream in = loader.getResourceAsStream(name);
		if (in == null) {
			throw new IOException("the resource " + name + " is not in the model's package");
		}
		return in;
	}

	@Override
	public String modelId() {
		return modelId;
	}

	@Override
	public int dimension() {
		return dimension;
	}

	@Override
	public float[] encode(String sentence) {
		float[] vector = model.embed(sentence).content().vector();
		return Vectors.normalized(vector);
	}
}
