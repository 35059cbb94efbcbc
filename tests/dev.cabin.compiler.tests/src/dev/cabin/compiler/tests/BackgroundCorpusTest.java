package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.BackgroundCorpus.Part;
import dev.cabin.background.BackgroundVectors;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.language.TextNormalizer;
import dev.cabin.testing.Repository;

/** The built-in background of unrelated speech: its split, its shipped vectors, and the corpus without some labels. */
class BackgroundCorpusTest {

	private static final BackgroundCorpus CORPUS = BackgroundCorpus.builtIn();

	@ParameterizedTest
	@EnumSource(Language.class)
	void noMeasuredLineIsTrainedOrCalibratedOn(Language language) {
		Map<Part, Set<String>> parts = new EnumMap<>(Part.class);
		for (Part part : Part.values()) {
			parts.put(part, CORPUS.lines(language, part).stream().map(BackgroundCorpus.Line::normalized)
					.collect(Collectors.toSet()));
			assertFalse(parts.get(part).isEmpty(), language + " has no " + part + " lines");
		}
		for (String measured : parts.get(Part.MEASUREMENT)) {
			assertFalse(parts.get(Part.TRAINING).contains(measured), "trained and measured: " + measured);
			assertFalse(parts.get(Part.CALIBRATION).contains(measured), "calibrated and measured: " + measured);
		}
		for (String calibrated : parts.get(Part.CALIBRATION)) {
			assertFalse(parts.get(Part.TRAINING).contains(calibrated), "trained and calibrated: " + calibrated);
		}
		int all = CORPUS.lines(language).size();
		int measured = CORPUS.lines(language, Part.MEASUREMENT).size();
		assertTrue(measured > all / 6 && measured < all / 3, measured + " of " + all + " lines held back");
	}

	@ParameterizedTest
	@EnumSource(Language.class)
	void theShippedVectorsServeTheToolchainsModelWithoutEmbeddingTheBackground(Language language) {
		AtomicInteger reports = new AtomicInteger();
		var encoder = OnnxModels.encoders().forLanguage(language);

		float[][] vectors = BackgroundVectors.of(CORPUS, language, encoder, null, (task, done, total) -> reports.incrementAndGet());

		assertEquals(0, reports.get(), "the background was embedded at compile time: the shipped vectors do not fit");
		List<BackgroundCorpus.Line> lines = CORPUS.lines(language);
		assertEquals(lines.size(), vectors.length);
		int last = lines.size() - 1;
		assertTrue(Vectors.dot(vectors[last], encoder.encode(lines.get(last).normalized())) > 0.99,
				"the last vector is not its line's");
	}

	/* What a leave-one-domain-out measurement compiles against: the domain's lines gone, the rest as they were. */
	@Test
	void aCorpusWithoutSomeLabelsLacksTheirLinesAndKeepsTheShippedVectorsOfTheOthers() {
		Set<String> labels = Set.of("clinc150:book_flight", "clinc150:translate", "snips2017:GetWeather");
		List<BackgroundCorpus.Line> all = CORPUS.lines(Language.EN);
		int[] kept = IntStream.range(0, all.size()).filter(i -> !labels.contains(all.get(i).label())).toArray();
		AtomicInteger reports = new AtomicInteger();
		var encoder = OnnxModels.encoders().forLanguage(Language.EN);

		BackgroundCorpus without = CORPUS.withoutLabels(labels);
		float[][] vectors = BackgroundVectors.of(without, Language.EN, encoder, null,
				(task, done, total) -> reports.incrementAndGet());

		assertEquals(IntStream.of(kept).mapToObj(all::get).toList(), without.lines(Language.EN));
		assertEquals(all.size() - 100 - 100 - 297, without.lines(Language.EN).size());
		assertNotEquals(CORPUS.sha256(Language.EN), without.sha256(Language.EN));
		assertEquals(CORPUS.lines(Language.ZH), without.lines(Language.ZH));
		assertEquals(CORPUS.sha256(Language.ZH), without.sha256(Language.ZH));
		assertEquals(0, reports.get(), "the background was embedded again instead of keeping the shipped vectors");
		float[][] shipped = BackgroundVectors.of(CORPUS, Language.EN, encoder, null, (task, done, total) -> {
		});
		for (int i = 0; i < kept.length; i++) {
			assertSame(shipped[kept[i]], vectors[i], "line " + i + " has another line's vector");
		}
	}

	@Test
	void labelsTheCorpusLacksRemoveNothing() {
		assertSame(CORPUS, CORPUS.withoutLabels(Set.of("clinc150:no_such_intent", "written:nothing")));
	}

	/* The example agents' paraphrase corpora measure them: a background line among them would be trained on. */
	@Test
	void noBackgroundLineIsOneTheExampleAgentsAreMeasuredOn() throws IOException {
		Set<String> background = new HashSet<>();
		for (Language language : Language.values()) {
			CORPUS.lines(language).forEach(line -> background.add(line.normalized()));
		}
		List<Path> corpora;
		try (var files = Files.walk(Repository.file("examples"))) {
			corpora = files.filter(file -> file.getFileName().toString().matches("labtest-.*\\.jsonl")).toList();
		}
		assertFalse(corpora.isEmpty(), "no paraphrase corpus under examples/");
		for (Path corpus : corpora) {
			for (String line : Files.readAllLines(corpus)) {
				int start = line.indexOf("\"text\": \"") + 9;
				if (start >= 9) {
					String text = line.substring(start, line.indexOf('"', start));
					assertFalse(background.contains(TextNormalizer.normalize(text)), corpus.getFileName() + ": " + text);
				}
			}
		}
	}
}
