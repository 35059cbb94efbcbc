package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;

/**
 * Recognizes the intent of an utterance among an agent's intents: an exact match of the normalized text
 * first, then the nearest example by sentence embedding, with the embeddings of the examples taken from the
 * IR. Below {@link #threshold()} an utterance is out of scope.
 */
public final class IntentRecognizer {

	/** Candidates reported per recognition. */
	private static final int CANDIDATES = 5;

	private final SentenceEncoders encoders;
	private final double threshold;
	private final Map<String, String> exactMatches = new HashMap<>();
	private final Map<Language, List<Example>> examplesByLanguage = new EnumMap<>(Language.class);

	private record Example(String intent, float[] vector) {
	}

	public IntentRecognizer(List<IntentIr> intents, SentenceEncoders encoders, double threshold) {
		this.encoders = encoders;
		this.threshold = threshold;
		for (IntentIr intent : intents) {
			for (ExampleIr example : intent.examples()) {
				exactMatches.putIfAbsent(TextNormalizer.normalize(example.text()), intent.name());
				examplesByLanguage.computeIfAbsent(Language.ofLocale(example.locale()), l -> new ArrayList<>())
						.add(new Example(intent.name(), IrCodec.unpack(example.embedding())));
			}
		}
	}

	public double threshold() {
		return threshold;
	}

	public Recognition recognize(String utterance) {
		String normalized = TextNormalizer.normalize(utterance);
		if (normalized.isEmpty()) {
			return new Recognition(null, 0, List.of(), "none");
		}
		String exact = exactMatches.get(normalized);
		if (exact != null) {
			return new Recognition(exact, 1.0, List.of(new IntentCandidate(exact, 1.0)), "exact");
		}
		Language language = Language.ofText(normalized);
		List<Example> examples = examplesByLanguage.getOrDefault(language, List.of());
		if (examples.isEmpty()) {
			return new Recognition(null, 0, List.of(), "none");
		}
		float[] query = encoders.forLanguage(language).encode(normalized);
		Map<String, Double> bestPerIntent = new LinkedHashMap<>();
		for (Example example : examples) {
			bestPerIntent.merge(example.intent(), (double) Vectors.dot(query, example.vector()), Math::max);
		}
		List<IntentCandidate> candidates = bestPerIntent.entrySet().stream()
				.map(e -> new IntentCandidate(e.getKey(), e.getValue()))
				.sorted(Comparator.comparingDouble(IntentCandidate::score).reversed())
				.limit(CANDIDATES)
				.toList();
		IntentCandidate best = candidates.get(0);
		String intent = best.score() >= threshold ? best.intent() : null;
		return new Recognition(intent, best.score(), candidates, "embedding");
	}
}
