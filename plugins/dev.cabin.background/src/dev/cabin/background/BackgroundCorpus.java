package dev.cabin.background;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.cabin.engine.nlu.Language;
import dev.cabin.language.TextNormalizer;

/**
 * The background of unrelated speech that the toolchain ships: everyday requests and chit-chat of many domains,
 * in English and Chinese, which every agent is trained to leave alone and measured against. English comes from
 * CLINC150's in-car training split with its out-of-scope lines (CC BY 3.0) and the Snips 2017 training
 * utterances (CC0); Chinese was written for Cabin. Each line has a label ({@code clinc150:tire_pressure},
 * {@code snips2017:PlayMusic}, {@code written:weather}) that says where it comes from and what it asks for.
 *
 * <p>Every line belongs to one {@link Part} by the hash of its normalized text, so that the split is the same on
 * every machine and a line said twice lands in the same part: what the compiler trains on is never what the lab
 * measures.
 *
 * <p>A corpus {@link #withoutLabels without some labels} is the built-in one with fewer lines: a measurement that
 * must keep a domain unseen (a domain left out of an agent, which would otherwise train as its negatives) compiles
 * against it. Its lines keep their parts and their vectors.
 */
public final class BackgroundCorpus {

	/** The share of unrelated requests an agent may accept before the toolchain warns. */
	public static final double FALSE_ACCEPT_BOUND = 0.01;

	/** Shares of the lines, in hundredths: the rest of the hundred trains. */
	static final int MEASUREMENT_SHARE = 25;
	static final int CALIBRATION_SHARE = 15;

	/** What a line is used for. */
	public enum Part {
		/** Trains the classifiers as out-of-scope examples. */
		TRAINING,
		/** Sets the out-of-scope boundaries at compile time (never trained on). */
		CALIBRATION,
		/** Held back for {@code cabin labtest --background}: never trained on, never calibrated on. */
		MEASUREMENT
	}

	/**
	 * One background utterance.
	 *
	 * @param label where it comes from and what it asks for
	 * @param text as the corpus has it
	 * @param normalized as the engine compares it
	 */
	public record Line(String label, String text, String normalized, Part part) {
	}

	private static final class BuiltIn {
		static final BackgroundCorpus CORPUS = load();
	}

	private final Map<Language, List<Line>> lines;
	private final Map<Language, String> hashes;
	/** The loaded corpus these lines were taken from (this one, for a loaded corpus): their vectors are its. */
	private final BackgroundCorpus origin;
	/** Per language, the index of each line among the origin's lines. */
	private final Map<Language, int[]> originIndices;

	private BackgroundCorpus(Map<Language, List<Line>> lines, Map<Language, String> hashes, BackgroundCorpus origin,
			Map<Language, int[]> originIndices) {
		this.lines = lines;
		this.hashes = hashes;
		this.origin = origin == null ? this : origin;
		this.originIndices = originIndices;
	}

	/** The corpus shipped in this bundle. */
	public static BackgroundCorpus builtIn() {
		return BuiltIn.CORPUS;
	}

	/** Every line of a language, in the corpus' order. */
	public List<Line> lines(Language language) {
		return lines.getOrDefault(language, List.of());
	}

	/** The lines of a language in one part, in the corpus' order. */
	public List<Line> lines(Language language, Part part) {
		return lines(language).stream().filter(line -> line.part() == part).toList();
	}

	/** The SHA-256 of a language's lines, which compiled agents depend on. */
	public String sha256(Language language) {
		return hashes.getOrDefault(language, "");
	}

	/**
	 * This corpus without the lines of some labels ({@code clinc150:tire_pressure}), in every language; the other
	 * lines keep their order and parts. A label the corpus lacks removes nothing: without any of the labels, the
	 * corpus is this one.
	 */
	public BackgroundCorpus withoutLabels(Set<String> labels) {
		if (lines.values().stream().flatMap(List::stream).noneMatch(line -> labels.contains(line.label()))) {
			return this;
		}
		Map<Language, List<Line>> kept = new EnumMap<>(Language.class);
		Map<Language, String> keptHashes = new EnumMap<>(Language.class);
		Map<Language, int[]> keptIndices = new EnumMap<>(Language.class);
		lines.forEach((language, all) -> {
			int[] indices = IntStream.range(0, all.size()).filter(i -> !labels.contains(all.get(i).label())).toArray();
			List<Line> rest = IntStream.of(indices).mapToObj(all::get).toList();
			kept.put(language, rest);
			keptHashes.put(language, rest.size() == all.size() ? sha256(language) : hashOf(rest));
			keptIndices.put(language, IntStream.of(indices).map(i -> originIndex(language, i)).toArray());
		});
		return new BackgroundCorpus(kept, keptHashes, origin, keptIndices);
	}

	/** The loaded corpus whose lines these are, and whose vectors serve them. */
	BackgroundCorpus origin() {
		return origin;
	}

	/** The index among the origin's lines of a language of each of this corpus' lines. */
	int[] originIndices(Language language) {
		return IntStream.range(0, lines(language).size()).map(i -> originIndex(language, i)).toArray();
	}

	private int originIndex(Language language, int index) {
		return origin == this ? index : originIndices.get(language)[index];
	}

	/* Over the lines as the corpus file writes them: a corpus with other lines has another hash. */
	private static String hashOf(List<Line> lines) {
		MessageDigest digest = sha256();
		lines.forEach(line -> digest.update((line.label() + "\t" + line.text() + "\n")
				.getBytes(StandardCharsets.UTF_8)));
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The part of a normalized utterance: the first four bytes of its SHA-256, modulo 100. */
	static Part partOf(String normalized) {
		byte[] hash = sha256().digest(normalized.getBytes(StandardCharsets.UTF_8));
		int bucket = Integer.remainderUnsigned((hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8
				| (hash[3] & 0xff), 100);
		if (bucket < MEASUREMENT_SHARE) {
			return Part.MEASUREMENT;
		}
		return bucket < MEASUREMENT_SHARE + CALIBRATION_SHARE ? Part.CALIBRATION : Part.TRAINING;
	}

	private static BackgroundCorpus load() {
		Map<Language, List<Line>> lines = new EnumMap<>(Language.class);
		Map<Language, String> hashes = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			String resource = "/background/" + language.code() + ".tsv";
			try (InputStream in = BackgroundCorpus.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("the toolchain is incomplete: it lacks " + resource);
				}
				byte[] bytes = in.readAllBytes();
				hashes.put(language, HexFormat.of().formatHex(sha256().digest(bytes)));
				lines.put(language, parse(resource, bytes));
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read " + resource, e);
			}
		}
		return new BackgroundCorpus(lines, hashes, null, Map.of());
	}

	/** Lines of {@code label TAB text}; a malformed line is a broken build, said with its place. */
	private static List<Line> parse(String resource, byte[] bytes) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				int tab = line.indexOf('\t');
				if (tab <= 0 || tab == line.length() - 1) {
					throw new IllegalStateException(resource + ":" + number + ": not a line of label TAB text");
				}
				String text = line.substring(tab + 1).strip();
				String normalized = TextNormalizer.normalize(text);
				lines.add(new Line(line.substring(0, tab), text, normalized, partOf(normalized)));
			}
		}
		return List.copyOf(lines);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
