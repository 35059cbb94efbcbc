package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;

/**
 * The intent of the example nearest to the utterance by cosine similarity of sentence embeddings, with the
 * embeddings of the examples taken from the IR. Below the threshold an utterance is out of scope.
 */
public final class NearestExampleClassifier implements IntentClassifier {

	/** Candidates reported per classification. */
	private static final int CANDIDATES = 5;

	public static final Factory FACTORY = new Factory() {
		@Override
		public String kind() {
			return ClassifierIr.NEAREST_EXAMPLE;
		}

		@Override
		public IntentClassifier create(AgentIr agent, SentenceEncoders encoders) throws IrFormatException {
			return new NearestExampleClassifier(agent.intents(), encoders, agent.classifier().threshold());
		}
	};

	private record Example(String intent, float[] vector) {
	}

	private final SentenceEncoders encoders;
	private final double threshold;
	private final Map<Language, List<Example>> examplesByLanguage = new EnumMap<>(Language.class);

	public NearestExampleClassifier(List<IntentIr> intents, SentenceEncoders encoders, double threshold)
			throws IrFormatException {
		this.encoders = encoders;
		this.threshold = threshold;
		for (IntentIr intent : intents) {
			for (ExampleIr example : intent.examples()) {
				if (example.embedding() == null || example.embedding().length % Float.BYTES != 0) {
					throw new IrFormatException("corrupt Cabin IR: the example \"" + example.text() + "\" of intent "
							+ intent.name() + " has no usable embedding");
				}
				examplesByLanguage.computeIfAbsent(Language.ofLocale(example.locale()), l -> new ArrayList<>())
						.add(new Example(intent.name(), IrCodec.unpack(example.embedding())));
			}
		}
	}

	@Override
	public double threshold() {
		return threshold;
	}

	@Override
	public Classification classify(String normalized, Language language) {
		List<Example> examples = examplesByLanguage.getOrDefault(language, List.of());
		if (examples.isEmpty()) {
			return new Classification(null, List.of());
		}
		float[] query = encoders.forLanguage(language).encode(normalized);
		Map<String, Double> bestPerIntent = new LinkedHashMap<>();
		for (Example example : examples) {
			if (example.vector().length == query.length) {
				bestPerIntent.merge(example.intent(), (double) Vectors.dot(query, example.vector()), Math::max);
			}
		}
		List<IntentCandidate> candidates = bestPerIntent.entrySet().stream()
				.map(e -> new IntentCandidate(e.getKey(), e.getValue()))
				.sorted(Comparator.comparingDouble(IntentCandidate::score).reversed())
				.limit(CANDIDATES)
				.toList();
		if (candidates.isEmpty()) {
			return new Classification(null, List.of());
		}
		IntentCandidate best = candidates.get(0);
		return new Classification(best.score() >= threshold ? best.intent() : null, candidates);
	}
}
