package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.nlu.Language;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The sentence-encoder models Cabin ships, each with the files of its Maven package: the one place that names
 * them, for loading them and for the hashes that car packages record.
 */
enum EmbeddedModel {

	BGE_SMALL_EN(Language.EN, "bge-small-en-v15-q", 384, BgeSmallEnV15QuantizedEmbeddingModel.class,
			"bge-small-en-v1.5-q"),
	BGE_SMALL_ZH(Language.ZH, "bge-small-zh-v15-q", 512, BgeSmallZhV15QuantizedEmbeddingModel.class,
			"bge-small-zh-v1.5-q");

	private final Language language;
	private final String id;
	private final int dimension;
	private final Class<?> packageClass;
	private final String fileStem;

	EmbeddedModel(Language language, String id, int dimension, Class<?> packageClass, String fileStem) {
		this.language = language;
		this.id = id;
		this.dimension = dimension;
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

	/** What the model is, as IRs record it, known before it is loaded: its id and the length of its vectors. */
	EncoderInfo info() {
		return new EncoderInfo(id, dimension);
	}

	Language language() {
		return language;
	}

	/** The model's files in its package: the ONNX model, then its tokenizer. */
	List<String> files() {
		return List.of(modelFile(), tokenizerFile());
	}

	String modelFile() {
		return fileStem + ".onnx";
	}

	private String tokenizerFile() {
		return fileStem + "-tokenizer.json";
	}

	/** One of the model's files, from the model's package. */
	InputStream open(String file) throws IOException {
		InputStream in = packageClass.getClassLoader().getResourceAsStream(file);
		if (in == null) {
			throw new IOException("the model file " + file + " is missing from the class path");
		}
		return in;
	}

	/** The model's tokenizer, read from its package. */
	WordPieceTokenizer tokenizer() {
		try (InputStream in = open(tokenizerFile())) {
			return WordPieceTokenizer.read(in);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read the tokenizer " + tokenizerFile() + ": " + e.getMessage(), e);
		}
	}
}
