package dev.cabin.engine.nlu;

import java.util.EnumMap;
import java.util.Map;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The sentence encoder of each language, loaded on first use and shared: a model takes tens of megabytes
 * and most of a second to load, and is thread-safe once loaded.
 */
public final class SentenceEncoders {

	private static final SentenceEncoders EMBEDDED = new SentenceEncoders();

	private final Map<Language, SentenceEncoder> loaded = new EnumMap<>(Language.class);

	/** The in-process ONNX models shipped with the engine: MiniLM for English, BGE small for Chinese. */
	public static SentenceEncoders embedded() {
		return EMBEDDED;
	}

	public synchronized SentenceEncoder forLanguage(Language language) {
		return loaded.computeIfAbsent(language, SentenceEncoders::load);
	}

	private static SentenceEncoder load(Language language) {
		return switch (language) {
		case EN -> new OnnxSentenceEncoder("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class,
				AllMiniLmL6V2QuantizedEmbeddingModel::new);
		case ZH -> new OnnxSentenceEncoder("bge-small-zh-v15-q", BgeSmallZhV15QuantizedEmbeddingModel.class,
				BgeSmallZhV15QuantizedEmbeddingModel::new);
		};
	}
}
