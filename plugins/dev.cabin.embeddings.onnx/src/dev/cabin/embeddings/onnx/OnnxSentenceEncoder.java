package dev.cabin.embeddings.onnx;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.Vectors;

/**
 * A sentence encoder backed by one of the BERT models of LangChain4j's in-process ONNX packages, read from the
 * model's own Maven package, in an ONNX session sized for a head unit: the {@code [CLS]} vector of the model's
 * last layer, unit length. The text is tokenized in Java ({@link WordPieceTokenizer}), which gives the ids that
 * LangChain4j's encoder gets from Hugging Face's native tokenizer, so the vectors are the same, without loading
 * that library at start-up. The session has no memory arena: the utterances are short, and an arena would keep
 * its largest block for the life of the process. It keeps ONNX Runtime's intra-op thread pool: one thread per
 * utterance made spoken turns slower (README, "Measured") and saved no resident memory.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

	private final String modelId;
	private final OrtEnvironment environment;
	private final OrtSession session;
	/* The file a session from an optimized form reads its weights from, kept as long as the session; else null. */
	private final MappedByteBuffer mappedModel;
	private final boolean readsTokenTypes;
	private final WordPieceTokenizer tokenizer;
	private final int dimension;

	/*
	 * The model's copy and its tokenizer are made on threads of their own while this one loads ONNX Runtime's
	 * native library and then builds the session: none needs another, and together they are most of a cold start.
	 */
	OnnxSentenceEncoder(EmbeddedModel model, ModelCopies copies) {
		this.modelId = model.id();
		CompletableFuture<ModelCopies.ModelFile> copy = onOwnThread("cabin-model-copy", () -> copies.take(model));
		CompletableFuture<WordPieceTokenizer> tokenizer = onOwnThread("cabin-tokenizer", model::tokenizer);
		try {
			this.environment = OnnxRuntimeLibrary.environment();
			ModelCopies.ModelFile file = result(copy);
			if (file.optimized()) {
				OptimizedModel.MappedSession mapped = OptimizedModel.session(environment, file.path());
				this.session = mapped.session();
				this.mappedModel = mapped.model();
			} else {
				try (OrtSession.SessionOptions options = options(false)) {
					this.session = session(environment, file, options);
				}
				this.mappedModel = null;
			}
			this.readsTokenTypes = session.getInputNames().contains("token_type_ids");
			this.tokenizer = result(tokenizer);
		} catch (IOException | OrtException e) {
			throw new IllegalStateException("cannot load the model " + model.modelFile() + ": " + e.getMessage(), e);
		}
		this.dimension = encode("").length;
		if (dimension != model.info().dimension()) {
			throw new IllegalStateException("the model " + model.modelFile() + " makes vectors of " + dimension
					+ " numbers, not the " + model.info().dimension() + " it is known for");
		}
	}

	private static <T> CompletableFuture<T> onOwnThread(String name, Callable<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(work.call());
			} catch (Exception | Error e) {
				result.completeExceptionally(e);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	private static <T> T result(CompletableFuture<T> work) throws IOException {
		try {
			return work.join();
		} catch (CompletionException e) {
			if (e.getCause() instanceof IOException cause) {
				throw cause;
			}
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	/**
	 * The session's options: all of ONNX Runtime's graph optimizations, unless the file is their result already
	 * ({@link OptimizedModel}), which gives the same graph and the same vectors without doing them again.
	 */
	static OrtSession.SessionOptions options(boolean optimizedAlready) throws OrtException {
		OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setOptimizationLevel(optimizedAlready ? OrtSession.SessionOptions.OptLevel.NO_OPT
				: OrtSession.SessionOptions.OptLevel.ALL_OPT);
		options.setCPUArenaAllocator(false);
		return options;
	}

	/*
	 * ONNX Runtime builds the session from a file: given the model's bytes instead, it would hold them on the Java
	 * heap and again in its own memory while it builds the session, the peak of a car's resident memory. The file
	 * is only needed while the session is built (a copy is deleted then; a file installed in a build slot stays).
	 * An optimized form is different: its format lets the session read the mapped file itself ({@link
	 * OptimizedModel}).
	 */
	private static OrtSession session(OrtEnvironment environment, ModelCopies.ModelFile model,
			OrtSession.SessionOptions options) throws IOException, OrtException {
		try {
			return environment.createSession(model.path().toString(), options);
		} finally {
			if (model.temporary()) {
				Files.delete(model.path());
			}
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
		long[] ids = tokenizer.ids(sentence);
		long[] shape = { 1, ids.length };
		long[] ones = new long[ids.length];
		Arrays.fill(ones, 1);
		try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
				OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
				// a resource that is null is not closed: no tensor for a model that reads no token types
				OnnxTensor tokenTypes = readsTokenTypes
						? OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)
						: null) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", inputIds);
			inputs.put("attention_mask", attentionMask);
			if (readsTokenTypes) {
				inputs.put("token_type_ids", tokenTypes);
			}
			try (OrtSession.Result result = session.run(inputs)) {
				float[] cls = ((float[][][]) result.get(0).getValue())[0][0];
				return Vectors.normalized(unitInFloats(cls));
			}
		} catch (OrtException e) {
			throw new IllegalStateException("the model " + modelId + " cannot encode \"" + sentence + "\": "
					+ e.getMessage(), e);
		}
	}

	/*
	 * The unit vector as LangChain4j's encoder computes it, in float arithmetic, before the engine's own
	 * normalization: the examples' embeddings and the trained classifiers of existing IRs were made that way,
	 * and a query must be embedded to the same bits.
	 */
	private static float[] unitInFloats(float[] vector) {
		float sumOfSquares = 0;
		for (float value : vector) {
			sumOfSquares += value * value;
		}
		float norm = (float) Math.sqrt(sumOfSquares);
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] / norm;
		}
		return unit;
	}
}
