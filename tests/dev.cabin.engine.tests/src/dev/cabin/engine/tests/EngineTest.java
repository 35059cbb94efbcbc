package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Secrets;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.TurnTrace;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.language.TextNormalizer;

/** The engine with the real in-process ONNX models, as a car runs it. */
class EngineTest {

	private static final SentenceEncoders ENCODERS = OnnxModels.encoders();
	private static CabinIr diagnostics;

	@BeforeAll
	static void compileADiagnosticsAgent() throws Exception {
		diagnostics = agent(
				intent("TirePressure", Map.of(
						"en-US", List.of("what's my tire pressure", "check the tire pressure", "do my tires need air"),
						"zh-CN", List.of("胎压正常吗", "检查一下胎压"))),
				intent("JumpStart", Map.of(
						"en-US", List.of("my battery is dead", "how do I jump start the car"),
						"zh-CN", List.of("电瓶没电了", "怎么搭电启动"))));
	}

	@Test
	void aParaphraseThatIsNotAnExampleReachesItsFlow() throws Exception {
		TurnResult turn = session().handle(new InputEvent.Voice("are my tires ok"));

		assertEquals("TirePressure", turn.recognition().intent());
		assertEquals("classifier", turn.recognition().method());
		Reply reply = turn.replies().get(0);
		assertEquals("say", reply.type());
		assertEquals("TirePressure reply", reply.text());
		assertEquals("TirePressureFlow", reply.flow());
	}

	@Test
	void anExampleWrittenDifferentlyIsAnExactMatch() throws Exception {
		TurnResult turn = session().handle(new InputEvent.Voice("  My battery is DEAD!  "));

		assertEquals("JumpStart", turn.recognition().intent());
		assertEquals("exact", turn.recognition().method());
		assertEquals(1.0, turn.recognition().score());
	}

	@Test
	void chineseSpeechIsRecognizedAndAnsweredInChinese() throws Exception {
		Session session = session();

		TurnResult turn = session.handle(new InputEvent.Voice("我的车电瓶好像没电了"));

		assertEquals("JumpStart", turn.recognition().intent());
		assertEquals("zh-CN", turn.replies().get(0).locale());
		assertEquals("JumpStart 回复", turn.replies().get(0).text());
		assertEquals("zh-CN", session.locale());
	}

	@Test
	void anUnrelatedRequestIsOutOfScopeAndGetsTheFallback() throws Exception {
		TurnResult turn = session().handle(new InputEvent.Voice("book me a table for two at an italian restaurant"));

		assertNull(turn.recognition().intent());
		assertEquals("fallback", turn.replies().get(0).type());
		assertEquals(2, turn.recognition().candidates().size(), "both intents were considered and rejected");
	}

	@Test
	void emptyAndHugeUtterancesGetAGracefulReply() throws Exception {
		Session session = session();

		assertEquals("fallback", session.handle(new InputEvent.Voice("   ?!  ")).replies().get(0).type());
		String huge = "tire ".repeat(20_000);
		assertEquals(1, session.handle(new InputEvent.Voice(huge)).replies().size());
		assertEquals("TirePressure", session.handle(new InputEvent.Voice("are my tires ok")).recognition().intent(),
				"the session still works afterwards");
	}

	@Test
	void aRegisteredSecretIsMaskedInTheTraceDataAsInItsJson() throws Exception {
		String secret = "zq81cabinsecret";
		Secrets.register(secret);

		TurnTrace trace = session().handle(new InputEvent.Voice("my key is " + secret)).trace();

		Map<String, Object> data = trace.toData();
		assertEquals("my key is ***", ((Map<?, ?>) data.get("event")).get("text"));
		assertEquals("my key is ***", ((Map<?, ?>) data.get("nlu")).get("normalized"));
		assertFalse(data.toString().contains(secret), data.toString());
		assertFalse(trace.toJson().contains(secret), trace.toJson());
	}

	@Test
	void anIrEmbeddedWithAnotherModelIsRefused() {
		CabinIr foreign = new CabinIr(CabinIr.FORMAT_VERSION, Map.of("en", new EncoderInfo("some-other-model", 384)),
				diagnostics.agents());

		IrFormatException error = assertThrows(IrFormatException.class, () -> Engine.load(foreign, ENCODERS));

		assertTrue(error.getMessage().contains("some-other-model"), error.getMessage());
	}

	@Test
	void aMissingModelIsReportedNotThrown() {
		SentenceEncoders missing = new SentenceEncoders(language -> {
			throw new NoClassDefFoundError("dev/langchain4j/model/embedding/onnx/bgesmallenv15q/BgeSmallEnV15QuantizedEmbeddingModel");
		});

		IrFormatException error = assertThrows(IrFormatException.class, () -> Engine.load(diagnostics, missing));

		assertTrue(error.getMessage().contains("sentence model cannot be loaded"), error.getMessage());
	}

	/**
	 * A car answers in the IR's first language as soon as that model is loaded; the other language's model loads
	 * meanwhile, and a turn in that language waits for it.
	 */
	@Test
	void theEngineAnswersInItsFirstLanguageWhileTheOtherLanguageLoads() throws Exception {
		Language first = Language.ofCode(diagnostics.encoders().keySet().iterator().next());
		CountDownLatch otherMayLoad = new CountDownLatch(1);
		SentenceEncoders encoders = new SentenceEncoders(language -> {
			if (language != first) {
				awaitOrFail(otherMayLoad, "the test to let the other model load");
			}
			return ENCODERS.forLanguage(language);
		}, ENCODERS::describe);

		Session session = Engine.load(diagnostics, encoders).openSession();
		TurnResult inTheFirst = session.handle(new InputEvent.Voice(first == Language.EN ? "are my tires ok" : "胎压怎么样"));
		otherMayLoad.countDown();
		TurnResult inTheOther = session.handle(new InputEvent.Voice(first == Language.EN ? "胎压怎么样" : "are my tires ok"));

		assertEquals("TirePressure", inTheFirst.recognition().intent());
		assertEquals("TirePressure", inTheOther.recognition().intent());
	}

	/** A model of another language than the first that cannot be loaded fails only that language's turns. */
	@Test
	void aSecondLanguagesModelThatCannotBeLoadedFailsOnlyItsOwnTurns() throws Exception {
		Language first = Language.ofCode(diagnostics.encoders().keySet().iterator().next());
		SentenceEncoders encoders = new SentenceEncoders(language -> {
			if (language != first) {
				throw new IllegalStateException("the model's file is damaged");
			}
			return ENCODERS.forLanguage(language);
		}, ENCODERS::describe);

		Session session = Engine.load(diagnostics, encoders).openSession();
		TurnResult inTheOther = session.handle(new InputEvent.Voice(first == Language.EN ? "胎压怎么样" : "are my tires ok"));
		TurnResult inTheFirst = session.handle(new InputEvent.Voice(first == Language.EN ? "are my tires ok" : "胎压怎么样"));

		assertNull(inTheOther.intent());
		assertTrue(inTheOther.fallback());
		assertTrue(inTheOther.trace().notes().toString().contains("the model's file is damaged"),
				inTheOther.trace().notes().toString());
		assertEquals("TirePressure", inTheFirst.recognition().intent());
	}

	private static void awaitOrFail(CountDownLatch latch, String what) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("waited 60 s for " + what);
			}
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Session session() throws IrFormatException {
		return Engine.load(diagnostics, ENCODERS).openSession();
	}

	private static IntentIr intent(String name, Map<String, List<String>> utterances) {
		List<ExampleIr> examples = new ArrayList<>();
		utterances.forEach((locale, texts) -> {
			SentenceEncoder encoder = ENCODERS.forLanguage(Language.ofLocale(locale));
			for (String text : texts) {
				examples.add(new ExampleIr(locale, text, IrCodec.pack(encoder.encode(TextNormalizer.normalize(text)))));
			}
		});
		return new IntentIr(name, examples, List.of());
	}

	private static CabinIr agent(IntentIr... intents) {
		List<TriggerIr> triggers = new ArrayList<>();
		List<FlowIr> flows = new ArrayList<>();
		for (IntentIr intent : intents) {
			String flow = intent.name() + "Flow";
			triggers.add(TriggerIr.on(new EventIr.Voice(intent.name()), new ActionIr.StartFlow(flow)));
			flows.add(new FlowIr(flow, List.of(
					new StepIr.Say(Map.of("en-US", intent.name() + " reply", "zh-CN", intent.name() + " 回复"), Map.of()),
					new StepIr.End())));
		}
		Map<String, EncoderInfo> encoders = Map.of(
				"en", info(Language.EN), "zh", info(Language.ZH));
		return new CabinIr(CabinIr.FORMAT_VERSION, encoders, List.of(new AgentIr("Diagnostics", "Diagnostics",
				List.of("en-US", "zh-CN"), Map.of(), List.of(), null, List.of(), List.of(intents), List.of(), triggers,
				flows, List.of(), null, List.of())));
	}

	private static EncoderInfo info(Language language) {
		SentenceEncoder encoder = ENCODERS.forLanguage(language);
		return new EncoderInfo(encoder.modelId(), encoder.dimension());
	}
}
