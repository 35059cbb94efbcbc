package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.NearestExampleClassifier;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.language.TextNormalizer;

/**
 * The classifier of an agent with many intents compares an utterance only with the intents whose centroids
 * are nearest: it must still find the nearest example that comparing with every example finds.
 */
class NearestExampleClassifierTest {

	private static final List<String> THINGS = List.of("window", "sunroof", "seat heating", "fan", "music", "radio",
			"navigation", "wipers", "headlights", "trunk", "door locks", "mirrors");
	private static final List<String> VERBS = List.of("turn on the %s", "switch off the %s", "check the %s");
	private static final List<String> FORMS = List.of("%s", "please %s", "can you %s", "%s now", "could you %s for me");

	private static final SentenceEncoder ENCODER = SentenceEncoders.embedded().forLanguage(Language.EN);
	private static final Map<String, List<float[]>> VECTORS = new LinkedHashMap<>();
	private static IntentClassifier classifier;

	@BeforeAll
	static void anAgentOf36Intents() throws Exception {
		List<IntentIr> intents = new ArrayList<>();
		for (String thing : THINGS) {
			for (int verb = 0; verb < VERBS.size(); verb++) {
				String name = thing.replace(" ", "") + verb;
				List<ExampleIr> examples = new ArrayList<>();
				for (String form : FORMS) {
					String text = String.format(form, String.format(VERBS.get(verb), thing));
					byte[] stored = IrCodec.pack(ENCODER.encode(TextNormalizer.normalize(text)));
					VECTORS.computeIfAbsent(name, n -> new ArrayList<>()).add(IrCodec.unpack(stored));
					examples.add(new ExampleIr("en-US", text, stored));
				}
				intents.add(new IntentIr(name, examples, List.of()));
			}
		}
		classifier = new NearestExampleClassifier(intents, SentenceEncoders.embedded(), 0.5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "would you mind turning the fan on", "kill the music", "are the wipers alright",
			"open up the sunroof", "is the trunk locked", "lights on please", "book a table for two" })
	void findsTheNearestExampleOfAll(String utterance) {
		String normalized = TextNormalizer.normalize(utterance);
		float[] query = ENCODER.encode(normalized);
		String nearest = null;
		double best = Double.NEGATIVE_INFINITY;
		for (Map.Entry<String, List<float[]>> intent : VECTORS.entrySet()) {
			for (float[] vector : intent.getValue()) {
				double score = Vectors.dot(query, vector);
				if (score > best) {
					best = score;
					nearest = intent.getKey();
				}
			}
		}

		IntentClassifier.Classification classification = classifier.classify(normalized, Language.EN);

		assertEquals(nearest, classification.candidates().get(0).intent());
		assertEquals(best, classification.bestScore(), 1e-5);
	}
}
