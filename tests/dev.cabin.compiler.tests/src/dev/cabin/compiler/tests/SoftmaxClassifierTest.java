package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.IntentClassifier.Classification;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;
import dev.cabin.language.TextNormalizer;

/** The softmax classifier trained on real embeddings of a small in-car agent, as the compiler trains it. */
class SoftmaxClassifierTest {

	private static final SentenceEncoders ENCODERS = OnnxModels.encoders();

	private static final Map<String, List<String>> ENGLISH = Map.of(
			"TirePressure", List.of("what's my tire pressure", "check the tire pressure", "do my tires need air",
					"is the pressure in my tyres okay", "how much air is in the tires", "are my tires inflated enough"),
			"FuelLevel", List.of("how much gas is left", "what's my fuel level", "do I need to fill up",
					"how far can I drive on this tank", "is the tank almost empty", "check the fuel gauge"),
			"JumpStart", List.of("my battery is dead", "how do I jump start the car", "the car won't start",
					"help me with jumper cables", "the engine doesn't turn over", "can you help me boost the battery"),
			"OilChange", List.of("when is my next oil change", "do I need new oil", "how old is the engine oil",
					"when should the oil be changed", "is an oil service due", "how many miles until the oil change"));

	private static final List<String> OUT_OF_SCOPE = List.of("play some jazz", "what's the weather tomorrow",
			"tell me a joke", "call my mother", "book a table for two", "what's the capital of france",
			"set an alarm for seven", "who won the football game", "translate hello into spanish",
			"order a pizza");

	private static final Map<String, List<String>> CHINESE = Map.of(
			"TirePressure", List.of("胎压正常吗", "检查一下胎压", "轮胎气压是多少", "轮胎需要打气吗"),
			"JumpStart", List.of("电瓶没电了", "怎么搭电启动", "车打不着火了", "搭电线怎么接"));

	private static List<SoftmaxTraining.Example> examples;

	@BeforeAll
	static void embedTheExamples() {
		examples = new ArrayList<>();
		ENGLISH.forEach((intent, texts) -> texts.forEach(text -> examples.add(example(Language.EN, intent, text))));
		CHINESE.forEach((intent, texts) -> texts.forEach(text -> examples.add(example(Language.ZH, intent, text))));
		OUT_OF_SCOPE.forEach(text -> examples.add(example(Language.EN, null, text)));
	}

	@Test
	void aParaphraseGetsItsIntentAndTheScoreIsTheSimilarityToTheIntentsExamples() throws Exception {
		IntentClassifier classifier = classifier(train(examples, null));

		Classification classification = classify(classifier, "is there enough air in my tyres");

		assertEquals("TirePressure", classification.intent());
		assertEquals("TirePressure", classification.candidates().get(0).intent());
		assertEquals(similarityToCentroid("is there enough air in my tyres", "TirePressure"),
				classification.bestScore(), 1e-5);
		assertTrue(classification.bestScore() >= classifier.threshold(Language.EN));
	}

	@Test
	void somethingLikeTheOutOfScopeExamplesIsOutOfScope() throws Exception {
		IntentClassifier classifier = classifier(train(examples, null));

		Classification classification = classify(classifier, "put on some music please");

		assertNull(classification.intent());
		assertEquals(4, classification.candidates().size(), "the intents it considered are still reported");
	}

	@Test
	void withoutOutOfScopeExamplesTheCalibratedBoundariesStillRejectWhatIsUnlikeEveryIntent() throws Exception {
		List<SoftmaxTraining.Example> inScopeOnly = examples.stream().filter(e -> e.intent() != null).toList();
		IntentClassifier classifier = classifier(train(inScopeOnly, null));

		Classification unrelated = classify(classifier, "how long do I boil an egg");

		assertNull(unrelated.intent());
		assertEquals("FuelLevel", classify(classifier, "is there enough petrol for the trip").intent());
	}

	@Test
	void theAuthorsThresholdReplacesTheCalibratedOne() throws Exception {
		IntentClassifier classifier = classifier(train(examples, 0.99));

		assertEquals(0.99, classifier.threshold(Language.EN));
		assertEquals(0.99, classifier.threshold(Language.ZH));
		assertNull(classify(classifier, "is there enough air in my tyres").intent());
	}

	@Test
	void eachLanguageHasItsOwnModelAndThreshold() throws Exception {
		IntentClassifier classifier = classifier(train(examples, null));

		Classification chinese = classifier.classify(TextNormalizer.normalize("我的电瓶好像没电了"), Language.ZH);

		assertEquals("JumpStart", chinese.intent());
		assertEquals(2, chinese.candidates().size(), "only the intents with Chinese examples");
		IntentClassifier englishOnly = classifier(
				train(examples.stream().filter(e -> e.language() == Language.EN).toList(), null));
		assertTrue(englishOnly.classify("电瓶没电了", Language.ZH).candidates().isEmpty());
	}

	/* A background that says what an intent says would teach the agent to reject that intent: it weighs least. */
	@Test
	@SuppressWarnings("unchecked")
	void aBackgroundThatSaysWhatAnIntentSaysIsGivenTheLightestWeight() throws Exception {
		List<SoftmaxTraining.Example> english = examples.stream().filter(e -> e.language() == Language.EN).toList();
		SoftmaxTraining.Example fuel = example(Language.EN, null, "how much fuel do I have left");
		List<SoftmaxTraining.Example> negatives = Collections.nCopies(1000, fuel);
		ClassifierIr light = SoftmaxTraining.train(english, new SoftmaxTraining.Background(negatives, List.of()),
				Language.EN, null, (task, done, total) -> {
				});

		Map<String, Object> parameters = (Map<String, Object>) light.parameters().get("en");
		assertEquals(0.25, ((Number) parameters.get(SoftmaxTraining.WEIGHT_KEY)).doubleValue(),
				"the lightest weight tried");
		assertEquals("FuelLevel", classify(classifier(light), "is my tank nearly empty").intent());
	}

	@Test
	void trainingTheSameExamplesGivesTheSameClassifier() {
		assertEquals(train(examples, null), train(examples, null));
	}

	@Test
	void theClassifierWorksTheSameAfterTheIrWentThroughJson() throws Exception {
		ClassifierIr trained = train(examples, null);
		CabinIr ir = new CabinIr(CabinIr.FORMAT_VERSION, Map.of("en", encoder(Language.EN), "zh", encoder(Language.ZH)),
				List.of(agent(trained)));
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		new IrCodec().write(ir, json);

		CabinIr read = new IrCodec().read(new ByteArrayInputStream(json.toByteArray()));

		IntentClassifier before = classifier(trained);
		IntentClassifier after = SoftmaxClassifier.FACTORY.create(read.agents().get(0), ENCODERS);
		for (String utterance : List.of("is there enough air in my tyres", "the battery is flat", "sing me a song")) {
			assertEquals(classify(before, utterance), classify(after, utterance), utterance);
		}
		TurnResult turn = Engine.load(read, ENCODERS).openSession().handle(new InputEvent.Voice("the battery is flat"));
		assertEquals("JumpStart", turn.recognition().intent());
	}

	/* Chinese background lines do not train: they become the prototypes of the engine's background check. */
	@Test
	@SuppressWarnings("unchecked")
	void theChineseBackgroundIsWrittenAsPrototypesWithTheExamplesAndTheEngineReadsThemBack() throws Exception {
		List<SoftmaxTraining.Example> negatives = List.of("明天会下雨吗", "放一首周杰伦的歌", "帮我订两张电影票", "今天股市怎么样",
				"给妈妈打个电话", "讲个笑话听听", "附近有什么好吃的", "把客厅的灯关了").stream()
				.map(text -> example(Language.ZH, null, text)).toList();
		ClassifierIr trained = SoftmaxTraining.train(examples, new SoftmaxTraining.Background(negatives, List.of()),
				Language.EN, null, (task, done, total) -> {
				});

		Map<String, Object> chinese = (Map<String, Object>) trained.parameters().get("zh");
		int dimension = ENCODERS.forLanguage(Language.ZH).dimension();
		assertEquals(2 * dimension, floats(chinese, "backgroundPrototypes"), "eight lines, four per prototype");
		assertEquals(8 * dimension, floats(chinese, "backgroundExamples"), "the eight Chinese examples");
		assertEquals(8, ((List<?>) chinese.get("backgroundExampleIntents")).size(), "the intent of each example");
		assertTrue(chinese.get("backgroundMargin") instanceof Number);
		assertNull(((Map<String, Object>) trained.parameters().get("en")).get("backgroundPrototypes"),
				"English background lines train instead");
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		new IrCodec().write(new CabinIr(CabinIr.FORMAT_VERSION,
				Map.of("en", encoder(Language.EN), "zh", encoder(Language.ZH)), List.of(agent(trained))), json);
		IntentClassifier after = SoftmaxClassifier.FACTORY
				.create(new IrCodec().read(new ByteArrayInputStream(json.toByteArray())).agents().get(0), ENCODERS);
		for (String utterance : List.of("胎压有点低吗", "电瓶好像没电了", "明天下雨吗")) {
			String normalized = TextNormalizer.normalize(utterance);
			assertEquals(classifier(trained).classify(normalized, Language.ZH),
					after.classify(normalized, Language.ZH), utterance);
		}
		assertEquals("JumpStart", after.classify(TextNormalizer.normalize("电瓶好像没电了"), Language.ZH).intent());
	}

	private static int floats(Map<String, Object> parameters, String key) {
		return Base64.getDecoder().decode((String) parameters.get(key)).length / Float.BYTES;
	}

	@Test
	void corruptParametersAreRefusedWithTheReason() {
		Map<String, Object> english = new LinkedHashMap<>(
				(Map<String, Object>) train(examples, null).parameters().get("en"));
		english.remove("weights");
		ClassifierIr corrupt = new ClassifierIr(SoftmaxClassifier.KIND, 0.7, Map.of("en", english));

		IrFormatException error = assertThrows(IrFormatException.class,
				() -> SoftmaxClassifier.FACTORY.create(agent(corrupt), ENCODERS));

		assertTrue(error.getMessage().contains("weights"), error.getMessage());
		ClassifierIr unknownLanguage = new ClassifierIr(SoftmaxClassifier.KIND, 0.7, Map.of("fr", english));
		assertTrue(assertThrows(IrFormatException.class,
				() -> SoftmaxClassifier.FACTORY.create(agent(unknownLanguage), ENCODERS)).getMessage().contains("\"fr\""));
	}

	private static SoftmaxTraining.Example example(Language language, String intent, String text) {
		String normalized = TextNormalizer.normalize(text);
		return new SoftmaxTraining.Example(language, intent, normalized, ENCODERS.forLanguage(language).encode(normalized));
	}

	private static ClassifierIr train(List<SoftmaxTraining.Example> training, Double threshold) {
		return SoftmaxTraining.train(training, SoftmaxTraining.Background.NONE, Language.EN, threshold, (task, done, total) -> {
		});
	}

	private static IntentClassifier classifier(ClassifierIr trained) throws IrFormatException {
		return SoftmaxClassifier.FACTORY.create(agent(trained), ENCODERS);
	}

	private static Classification classify(IntentClassifier classifier, String utterance) {
		return classifier.classify(TextNormalizer.normalize(utterance), Language.EN);
	}

	private static double similarityToCentroid(String utterance, String intent) {
		float[] sum = new float[ENCODERS.forLanguage(Language.EN).dimension()];
		for (SoftmaxTraining.Example example : examples) {
			if (intent.equals(example.intent()) && example.language() == Language.EN) {
				for (int d = 0; d < sum.length; d++) {
					sum[d] += example.embedding()[d];
				}
			}
		}
		float[] query = ENCODERS.forLanguage(Language.EN).encode(TextNormalizer.normalize(utterance));
		return Vectors.dot(query, Vectors.normalized(sum));
	}

	private static EncoderInfo encoder(Language language) {
		return new EncoderInfo(ENCODERS.forLanguage(language).modelId(), ENCODERS.forLanguage(language).dimension());
	}

	private static AgentIr agent(ClassifierIr classifier) {
		return new AgentIr("Diagnostics", "Diagnostics", List.of("en-US", "zh-CN"), Map.of(), List.of(), null,
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), classifier, List.of());
	}
}
