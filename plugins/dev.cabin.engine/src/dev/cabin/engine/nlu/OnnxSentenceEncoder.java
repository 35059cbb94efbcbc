package dev.cabin.engine.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A sentence encoder backed by one of LangChain4j's in-process ONNX models, run in an ONNX Runtime session
 * of our own.
 *
 * <p>LangChain4j's model classes open their session with the default options: as many intra-op threads as
 * cores, spinning between calls. Under concurrent load (sessions of several occupants, the compiler embedding
 * thousands of examples) those threads fight over the cores and the slowest utterances take many times the
 * median. Here one call runs on its caller's thread only; callers that want parallelism use several threads.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

	private final String modelId;
	private final Model model;
	private final int dimension;

	/**
	 * @param modelClass a class of the model's jar, whose loader finds the {@code .onnx} file and the tokenizer
	 * @param resourceName the name of both files without their endings, e.g. {@code bge-small-en-v1.5-q}
	 */
	OnnxSentenceEncoder(String modelId, Class<?> modelClass, String resourceName, PoolingMode pooling) {
		this.modelId = modelId;
		this.model = withOwnClassLoader(modelClass, () -> new Model(load(modelClass, resourceName, pooling)));
		this.dimension = model.dimension();
	}

	private static OnnxBertBiEncoder load(Class<?> modelClass, String resourceName, PoolingMode pooling) {
		try (InputStream onnx = resource(modelClass, resourceName + ".onnx");
				InputStream tokenizer = resource(modelClass, resourceName + "-tokenizer.json");
				OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession session = environment.createSession(onnx.readAllBytes(), options);
			return new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the sentence encoder " + resourceName, e);
		} catch (OrtException e) {
			throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder " + resourceName, e);
		}
	}

	private static InputStream resource(Class<?> modelClass, String name) throws IOException {
		InputStream in = modelClass.getResourceAsStream("/" + name);
		if (in == null) {
			throw new IOException(name + " is not in the model's jar");
		}
		return in;
	}

	/*
	 * The tokenizer finds its native library through the thread's context class loader. Inside OSGi that loader
	 * does not see the library's bundle, so construction runs with the model jar's loader, which imports it.
	 */
	private static <T> T withOwnClassLoader(Class<?> modelClass, java.util.function.Supplier<T> factory) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(modelClass.getClassLoader());
		try {
			return factory.get();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Override
	public String modelId() {
		return modelId;
	}

	@Override
	public int dimension() {
		return dimension;
	}

	/** The embedding of the sentence; an empty sentence, which the model cannot read, gives the zero vector. */
	@Override
	public float[] encode(String sentence) {
		if (sentence.isBlank()) {
			return new float[dimension];
		}
		float[] vector = model.embed(sentence).content().vector();
		return Vectors.normalized(vector);
	}

	/** LangChain4j's embedding model around our encoder; it runs each call on the caller's thread. */
	private static final class Model extends AbstractInProcessEmbeddingModel {
		private final OnnxBertBiEncoder encoder;

		Model(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}
	}
}
