package dev.cabin.engine.nlu;

import java.util.function.Supplier;

import dev.langchain4j.model.embedding.EmbeddingModel;

/** A sentence encoder backed by one of LangChain4j's in-process ONNX models. */
final class OnnxSentenceEncoder implements SentenceEncoder {

	private final String modelId;
	private final EmbeddingModel model;
	private final int dimension;

	OnnxSentenceEncoder(String modelId, Class<? extends EmbeddingModel> modelClass, Supplier<EmbeddingModel> factory) {
		this.modelId = modelId;
		this.model = createWithOwnClassLoader(modelClass, factory);
		this.dimension = model.dimension();
	}

	/*
	 * The model finds its .onnx file and tokenizer through the thread's context class loader. Inside OSGi that
	 * loader does not see the model's bundle, so construction runs with the model class's own loader.
	 */
	private static EmbeddingModel createWithOwnClassLoader(Class<?> modelClass, Supplier<EmbeddingModel> factory) {
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

	@Override
	public float[] encode(String sentence) {
		float[] vector = model.embed(sentence).content().vector();
		return Vectors.normalized(vector);
	}
}
