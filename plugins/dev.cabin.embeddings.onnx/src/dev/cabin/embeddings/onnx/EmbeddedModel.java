package dev.cabin.embeddings.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The sentence-encoder models Cabin ships, each with the files of its Maven package: the one place that names
 * them, for loading them and for the hashes that car packages record.
 */
enum EmbeddedModel {

	BGE_SMALL_EN(Language.EN, "bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q"),
	BGE_SMALL_ZH(Language.ZH, "bge-small-zh-v15-q", BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q");

	private final Language language;
	private final String id;
	private final Class<?> packageClass;
	private final String fileStem;

	EmbeddedModel(Language language, String id, Class<?> packageClass, String fileStem) {
		this.language = language;
		this.id = id;
		this.packageClass = packageClass;
		this.fileStem = fileStem;
	}

	/** The model of a language's utterances. */
	static EmbeddedModel of(Language language) {
		return Arrays.stream(values()).filter(model -> model.language == language).findFirst().orElseThrow();
	}

	/** The model of an id, as IRs and car packages name it. */
	static Optional<EmbeddedModel> byId(String id) {
		return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
	}

	String id() {
		return id;
	}

	/** A class of the model's package, whose class loader finds its files. */
	Class<?> packageClass() {
		return packageClass;
	}

	/** The model's files in its package: the ONNX model, then its tokenizer. */
	List<String> files() {
		return List.of(fileStem + ".onnx", fileStem + "-tokenizer.json");
	}

	SentenceEncoder load() {
		return new OnnxSentenceEncoder(id, packageClass, files().get(0), files().get(1), PoolingMode.CLS);
	}
}
