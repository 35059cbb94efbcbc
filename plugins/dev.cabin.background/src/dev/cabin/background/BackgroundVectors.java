package dev.cabin.background;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.Vectors;

/**
 * The sentence embeddings of the background's lines, made once per sentence model rather than at every compile:
 * shipped in this bundle for the toolchain's models ({@code background/vectors-LANG.bin}), else read from the
 * cache folder, else embedded (in parallel, telling how far it is) and written there. The vectors are stored as
 * bytes (each number times 127): a background line only has to be told apart from an agent's examples, and the
 * shipped file stays a quarter of its float size.
 *
 * <p>A file serves only the model and the corpus it was made from: its first field is a key over the model's id and
 * dimension and the corpus' hash, and a few of its vectors must agree with what the encoder makes of their lines
 * now (a model file replaced under the same id would not). To ship vectors for a new model, compile once with an
 * empty cache folder and copy its {@code background-LANG-*.bin} into {@code background/vectors-LANG.bin}.
 */
public final class BackgroundVectors {

	static final int SPOT_CHECKS = 3;
	static final double AGREEMENT = 0.99;

	private static final Map<String, float[][]> MADE = new ConcurrentHashMap<>();

	private BackgroundVectors() {
	}

	/**
	 * The unit vectors of every line of a language, in the corpus' order. A corpus without some labels has the
	 * vectors of the corpus it was taken from, so the shipped ones serve it too.
	 *
	 * @param cacheFolder where vectors made here are kept between runs, or {@code null}
	 */
	public static float[][] of(BackgroundCorpus corpus, Language language, SentenceEncoder encoder, Path cacheFolder,
			Progress progress) {
		if (corpus.origin() != corpus) {
			float[][] all = of(corpus.origin(), language, encoder, cacheFolder, progress);
			return IntStream.of(corpus.originIndices(language)).mapToObj(i -> all[i]).toArray(float[][]::new);
		}
		String key = key(corpus, language, encoder);
		List<BackgroundCorpus.Line> lines = corpus.lines(language);
		return MADE.computeIfAbsent(key, k -> {
			float[][] vectors = agreeing(shipped(language, k), lines, encoder);
			Path cached = cacheFolder == null ? null
					: cacheFolder.resolve("background-" + language.code() + "-" + k.substring(0, 16) + ".bin");
			if (vectors == null && cached != null && Files.isRegularFile(cached)) {
				vectors = agreeing(readOrNull(cached, k), lines, encoder);
			}
			if (vectors == null) {
				vectors = embed(lines, encoder, progress);
				if (cached != null) {
					write(cached, k, vectors);
				}
			}
			return vectors;
		});
	}

	private static String key(BackgroundCorpus corpus, Language language, SentenceEncoder encoder) {
		String parts = encoder.modelId() + "\u0000" + encoder.dimension() + "\u0000" + corpus.sha256(language);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(parts.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** The vectors if they are what the encoder makes of a few of their lines (bytes keep a cosine above 0.99). */
	private static float[][] agreeing(float[][] vectors, List<BackgroundCorpus.Line> lines, SentenceEncoder encoder) {
		if (vectors == null || vectors.length != lines.size()) {
			return null;
		}
		for (int i = 0; i < vectors.length; i += Math.max(1, vectors.length / SPOT_CHECKS)) {
			if (Vectors.dot(vectors[i], encoder.encode(lines.get(i).normalized())) < AGREEMENT) {
				return null;
			}
		}
		return vectors;
	}

	private static float[][] shipped(Language language, String key) {
		try (InputStream in = BackgroundVectors.class
				.getResourceAsStream("/background/vectors-" + language.code() + ".bin")) {
			return in == null ? null : read(in, key);
		} catch (IOException e) {
			return null;
		}
	}

	private static float[][] readOrNull(Path file, String key) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, key);
		} catch (IOException e) {
			return null;
		}
	}

	/** The vectors of the stream, or {@code null} when they were made for another key. */
	private static float[][] read(InputStream in, String key) throws IOException {
		DataInputStream data = new DataInputStream(new BufferedInputStream(in));
		if (!data.readUTF().equals(key)) {
			return null;
		}
		int count = data.readInt();
		int dimension = data.readInt();
		byte[] bytes = new byte[dimension];
		float[][] vectors = new float[count][];
		for (int i = 0; i < count; i++) {
			data.readFully(bytes);
			float[] vector = new float[dimension];
			for (int d = 0; d < dimension; d++) {
				vector[d] = bytes[d] / 127f;
			}
			vectors[i] = Vectors.normalized(vector);
		}
		return vectors;
	}

	/* A folder that cannot be written is no error: the vectors are made again next time. */
	private static void write(Path file, String key, float[][] vectors) {
		Path partial = null;
		try {
			Files.createDirectories(file.getParent());
			partial = Files.createTempFile(file.getParent(), "partial-", ".bin");
			try (OutputStream out = Files.newOutputStream(partial);
					DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out))) {
				data.writeUTF(key);
				data.writeInt(vectors.length);
				data.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
				for (float[] vector : vectors) {
					for (float value : vector) {
						data.writeByte(Math.round(value * 127f));
					}
				}
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			if (partial != null) {
				partial.toFile().delete();
			}
		}
	}

	private static float[][] embed(List<BackgroundCorpus.Line> lines, SentenceEncoder encoder, Progress progress) {
		String task = "embedding the background of unrelated speech (once per sentence model)";
		AtomicInteger done = new AtomicInteger();
		progress.report(task, 0, lines.size());
		float[][] vectors = new float[lines.size()][];
		IntStream.range(0, lines.size()).parallel().forEach(i -> {
			vectors[i] = encoder.encode(lines.get(i).normalized());
			progress.report(task, done.incrementAndGet(), lines.size());
		});
		return vectors;
	}
}
