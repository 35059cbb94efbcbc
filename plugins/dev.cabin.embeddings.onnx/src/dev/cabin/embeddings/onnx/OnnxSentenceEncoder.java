package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;

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
 * package. The ONNX session runs each utterance on the calling thread without spinning worker threads: a head
 * unit shares its cores with everything else, and many sessions encode at once, so one thread per utterance
 * serves both better than a pool that spins.
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
		try (InputStream modelBytes = resource(loader, modelFile); InputStream tokenizer = resource(loader, tokenizerFile)) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment,
					environment.createSession(modelBytes.readAllBytes(), options), tokenizer, pooling);
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
