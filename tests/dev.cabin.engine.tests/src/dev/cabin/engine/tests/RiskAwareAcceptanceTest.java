package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.CallIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.Confidence;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.llm.LlmRequest;
import dev.cabin.engine.llm.LlmResponse;
import dev.cabin.engine.llm.LlmToolCall;
import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Rejection;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The agent acts on an intent that changes something only when it is sure; in the grey zone between the
 * out-of-scope threshold (0.5 here) and the intent's acting boundary (0.8 unless a test says otherwise) it asks
 * first, and does nothing unless the answer is yes. The classifier is scripted, so that each utterance lands
 * where the test needs it.
 */
class RiskAwareAcceptanceTest {

	private static final SentenceEncoders NO_MODELS = new SentenceEncoders(language -> {
		throw new AssertionError("the scripted classifier embeds nothing");
	});

	private static final String SUNROOF = "Vehicle.Cabin.Sunroof.Switch";

	/** What the scripted classifier answers, by normalized utterance: candidates best first. */
	private static final Map<String, List<IntentCandidate>> SCORES = Map.of(
			"could you maybe do the roof thing", List.of(candidate("OpenSunroof", 0.65), candidate("RoofState", 0.4)),
			"is the glass up there shut", List.of(candidate("RoofState", 0.6), candidate("OpenSunroof", 0.3)),
			"open up the roof", List.of(candidate("OpenSunroof", 0.9), candidate("RoofState", 0.5)),
			"roof", List.of(candidate("RoofState", 0.47), candidate("OpenSunroof", 0.46)),
			"把上面那个弄开", List.of(candidate("OpenSunroof", 0.6), candidate("RoofState", 0.2)),
			"what about the top", List.of(candidate("RoofState", 0.45), candidate("OpenSunroof", 0.2)),
			"slide the glass up top back", List.of(candidate("OpenSunroof", 0.49), candidate("RoofState", 0.3)),
			"tell me about the roofs of rome", List.of(candidate("OpenSunroof", 0.3), candidate("RoofState", 0.2)),
			"do the roof now", List.of(candidate("OpenSunroof", 0.9), candidate("RoofState", 0.88)),
			"the roof is it open", List.of(candidate("RoofState", 0.9), candidate("OpenSunroof", 0.88)));

	/** What the scripted classifier rejects only narrowly (its grey zone). */
	private static final Set<String> NARROWLY_REJECTED = Set.of("slide the glass up top back");

	@Test
	void anActuatingIntentInTheGreyZoneAsksInsteadOfActing() throws Exception {
		Session session = session(null);

		TurnResult turn = session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		assertEquals("Did you mean \"open the sunroof\"?", turn.replies().get(0).text());
		assertEquals("prompt", turn.replies().get(0).type());
		assertUntouched(session, turn);
		assertTrue(session.awaitingYesOrNo());
		Map<?, ?> nlu = (Map<?, ?>) turn.trace().toData().get("nlu");
		assertEquals("ask", nlu.get("decision"));
		assertEquals(0.65, nlu.get("score"));
		assertEquals(0.5, nlu.get("threshold"));
		assertEquals(0.8, nlu.get("act"));
		assertEquals("high", nlu.get("confidence"));
		assertNull(nlu.get("narrowlyRejected"), "a question of confidence high is no grey-zone question");
	}

	@Test
	void noLeavesTheCarUntouchedAndSaysSo() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		TurnResult no = session.handle(new InputEvent.Voice("no"));

		assertLeftAlone(session, no);
		assertFalse(session.awaiting());
	}

	@Test
	void anythingElseThanYesLeavesTheCarUntouched() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		TurnResult other = session.handle(new InputEvent.Voice("play something by miles davis"));

		assertLeftAlone(session, other);
	}

	@Test
	void noAnswerBeforeTheTimeoutLeavesTheCarUntouched() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("could you maybe do the roof thing"));
		session.handle(new InputEvent.Wait(31_000));

		TurnResult late = session.handle(new InputEvent.Voice("yes"));

		// a yes after the question expired does nothing
		assertUntouched(session, late);
	}

	@Test
	void yesActs() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		TurnResult yes = session.handle(new InputEvent.Voice("yes please"));

		assertEquals("OpenSunroof", yes.intent());
		assertEquals("sunroof.open", yes.toolCalls().get(0).tool());
		assertTrue(yes.toolCalls().get(0).done());
		assertEquals("Opening the sunroof.", yes.replies().get(0).text());
		assertEquals(true, session.vehicle().target(SUNROOF));
	}

	@Test
	void aYesByTouchActsToo() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		TurnResult yes = session.handle(new InputEvent.Touch("yes"));

		assertEquals("sunroof.open", yes.toolCalls().get(0).tool());
	}

	@Test
	void aSureUtteranceActsDirectly() throws Exception {
		Session session = session(null);

		TurnResult paraphrase = session.handle(new InputEvent.Voice("open up the roof"));
		TurnResult example = session(null).handle(new InputEvent.Voice("Open the sunroof!"));

		assertEquals("sunroof.open", paraphrase.toolCalls().get(0).tool());
		assertEquals("act", ((Map<?, ?>) paraphrase.trace().toData().get("nlu")).get("decision"));
		assertEquals("sunroof.open", example.toolCalls().get(0).tool());
		assertFalse(session.awaiting());
	}

	@Test
	void eachIntentActsFromItsOwnBoundary() throws Exception {
		// the compiler found the sunroof easy to tell apart: its boundary lies under the request's score
		Session session = session(null, Map.of("OpenSunroof", 0.6, "RoofState", 0.8));

		TurnResult turn = session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		assertEquals("sunroof.open", turn.toolCalls().get(0).tool());
		Map<?, ?> nlu = (Map<?, ?>) turn.trace().toData().get("nlu");
		assertEquals("act", nlu.get("decision"));
		assertEquals(0.6, nlu.get("act"));
	}

	@Test
	void anIntentWithoutABoundaryActsFromTheThreshold() throws Exception {
		Session session = session(null, Map.of("RoofState", 0.8));

		TurnResult turn = session.handle(new InputEvent.Voice("could you maybe do the roof thing"));

		assertEquals("sunroof.open", turn.toolCalls().get(0).tool());
		assertEquals(0.5, ((Map<?, ?>) turn.trace().toData().get("nlu")).get("act"));
	}

	@Test
	void anActuatingIntentNearlyTiedWithAnotherIsAskedAboutEvenAboveItsBoundary() throws Exception {
		Session session = session(null);

		TurnResult turn = session.handle(new InputEvent.Voice("do the roof now"));

		assertEquals("Did you mean \"open the sunroof\"?", turn.replies().get(0).text());
		assertUntouched(session, turn);
		Map<?, ?> nlu = (Map<?, ?>) turn.trace().toData().get("nlu");
		assertEquals("ask", nlu.get("decision"));
		assertEquals(0.9, nlu.get("decisionScore"), "above the acting boundary 0.8");
		assertEquals(true, nlu.get("ambiguous"), "the trace says why it asked");
		assertLeftAlone(session, session.handle(new InputEvent.Voice("no")));
	}

	@Test
	void aTieTheLlmResolvedActsFromTheBoundary() throws Exception {
		List<LlmRequest> asked = new java.util.ArrayList<>();
		Session session = session(model(asked::add, "OpenSunroof"));

		TurnResult turn = session.handle(new InputEvent.Voice("do the roof now"));

		assertEquals(1, asked.size());
		assertEquals("llm", turn.recognition().method());
		assertEquals("sunroof.open", turn.toolCalls().get(0).tool());
	}

	@Test
	void anIntentThatOnlyAnswersAnswersANearTie() throws Exception {
		TurnResult turn = session(null).handle(new InputEvent.Voice("the roof is it open"));

		assertEquals("The sunroof is closed.", turn.replies().get(0).text());
	}

	@Test
	void anIntentThatOnlyAnswersActsInTheGreyZone() throws Exception {
		TurnResult turn = session(null).handle(new InputEvent.Voice("is the glass up there shut"));

		assertEquals("RoofState", turn.intent());
		assertEquals("The sunroof is closed.", turn.replies().get(0).text());
	}

	@Test
	void anIntentOfLowConfidenceIsAskedAboutJustBelowTheThreshold() throws Exception {
		Session session = session(null);

		TurnResult turn = session.handle(new InputEvent.Voice("what about the top"));

		assertEquals("Do you want to know whether the sunroof is open?", turn.replies().get(0).text());
		assertEquals("The sunroof is closed.", session.handle(new InputEvent.Voice("yes")).replies().get(0).text());
	}

	@Test
	void aRequestRejectedOnlyNarrowlyIsAskedAboutInsteadOfRefused() throws Exception {
		Session session = session(null);

		TurnResult turn = session.handle(new InputEvent.Voice("slide the glass up top back"));

		assertEquals("Did you mean \"open the sunroof\"?", turn.replies().get(0).text());
		assertTrue(turn.toolCalls().isEmpty(), "a question never acts");
		assertTrue(session.awaitingYesOrNo());
		Map<?, ?> nlu = (Map<?, ?>) turn.trace().toData().get("nlu");
		assertEquals("ask", nlu.get("decision"));
		assertEquals(true, nlu.get("narrowlyRejected"), "the trace says the question came from the grey zone");
	}

	@Test
	void noToANarrowlyRejectedRequestLeavesTheCarUntouched() throws Exception {
		Session session = session(null);
		session.handle(new InputEvent.Voice("slide the glass up top back"));

		TurnResult no = session.handle(new InputEvent.Voice("no"));

		assertLeftAlone(session, no);
	}

	@Test
	void aRequestFarFromTheBoundaryIsRefusedWithoutAQuestion() throws Exception {
		Session session = session(null);

		TurnResult turn = session.handle(new InputEvent.Voice("tell me about the roofs of rome"));

		Map<?, ?> nlu = (Map<?, ?>) turn.trace().toData().get("nlu");
		assertEquals("reject", nlu.get("decision"));
		assertEquals("belowThreshold", nlu.get("rejectedBy"), "the trace says which test turned it down");
		assertFalse(session.awaiting());
		assertTrue(turn.toolCalls().isEmpty());
	}

	@Test
	void theQuestionIsInChineseForChineseSpeech() throws Exception {
		TurnResult turn = session(null).handle(new InputEvent.Voice("把上面那个弄开"));

		assertEquals("您是说“打开天窗”吗？", turn.replies().get(0).text());
		assertTrue(turn.toolCalls().isEmpty());
	}

	@Test
	void anIntentTheLlmChoseIsAskedAboutBelowTheActingBoundary() throws Exception {
		List<LlmRequest> asked = new java.util.ArrayList<>();
		Session session = session(model(asked::add, "OpenSunroof"));

		TurnResult turn = session.handle(new InputEvent.Voice("roof"));

		assertEquals(1, asked.size(), "the classifier was unsure, so the LLM was asked");
		assertEquals("llm", turn.recognition().method());
		assertEquals("Did you mean \"open the sunroof\"?", turn.replies().get(0).text());
		assertTrue(turn.toolCalls().isEmpty(), "the LLM's choice does not make the agent sure");
	}

	/** The agent says it leaves the car alone, and does. */
	private static void assertLeftAlone(Session session, TurnResult answer) {
		assertEquals("Okay, I'll leave it.", answer.replies().get(0).text());
		assertUntouched(session, answer);
	}

	/** No tool was called and no actuator was set. */
	private static void assertUntouched(Session session, TurnResult turn) {
		assertTrue(turn.toolCalls().isEmpty(), () -> "a tool was called: " + turn.toolCalls());
		assertNull(session.vehicle().target(SUNROOF), "an actuator was set");
	}

	private static Session session(LanguageModel model) throws Exception {
		return session(model, Map.of("OpenSunroof", 0.8, "RoofState", 0.8));
	}

	/** A session whose intents act, in either language, from the boundaries given. */
	private static Session session(LanguageModel model, Map<String, Double> act) throws Exception {
		return Engine.builder(agent(act), NO_MODELS).classifier(new ScriptedClassifier()).languageModel(model).build()
				.openSession();
	}

	private static CabinIr agent(Map<String, Double> act) {
		ToolIr open = new ToolIr("sunroof.open", "Opens the sunroof", List.of(), null, new ToolIr.Binding.Actuator(SUNROOF, null));
		IntentIr openSunroof = new IntentIr("OpenSunroof", List.of(new ExampleIr("en-US", "open the sunroof"),
				new ExampleIr("zh-CN", "打开天窗")), List.of(), Confidence.HIGH, Map.of());
		IntentIr roofState = new IntentIr("RoofState", List.of(new ExampleIr("en-US", "is the sunroof open"),
				new ExampleIr("zh-CN", "天窗开着吗")), List.of(), Confidence.LOW,
				Map.of("en-US", "Do you want to know whether the sunroof is open?"));
		List<TriggerIr> triggers = List.of(
				TriggerIr.on(new EventIr.Voice("OpenSunroof"), new ActionIr.StartFlow("Open")),
				TriggerIr.on(new EventIr.Voice("RoofState"), new ActionIr.StartFlow("Tell")));
		List<FlowIr> flows = List.of(
				new FlowIr("Open", List.of(new StepIr.Call(new CallIr("sunroof.open", Map.of(), null)),
						new StepIr.Say(Map.of("en-US", "Opening the sunroof.", "zh-CN", "正在打开天窗。"), Map.of()),
						new StepIr.End())),
				new FlowIr("Tell", List.of(new StepIr.Say(Map.of("en-US", "The sunroof is closed."), Map.of()),
						new StepIr.End())));
		AgentIr agent = new AgentIr("Roof", "Roof", List.of("en-US", "zh-CN"), Map.of(), List.of(), null, List.of(),
				List.of(openSunroof, roofState), List.of(open), triggers, flows, List.of(),
				new ClassifierIr(ScriptedClassifier.KIND, 0.5, Map.of(), Map.of("en", act, "zh", act)), List.of());
		return new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(agent));
	}

	private static IntentCandidate candidate(String intent, double score) {
		return new IntentCandidate(intent, score);
	}

	/** An LLM that chooses the given intent whenever it is asked to resolve an ambiguity. */
	private static LanguageModel model(Consumer<LlmRequest> seen, String chosen) {
		return new LanguageModel() {
			@Override
			public String name() {
				return "scripted";
			}

			@Override
			public LlmResponse chat(LlmRequest request, Consumer<String> partials) {
				seen.accept(request);
				return new LlmResponse(null, List.of(new LlmToolCall("1", "choose_intent",
						"{\"intent\": \"" + chosen + "\"}")));
			}
		};
	}

	/** Answers from {@link #SCORES}; below 0.5 out of scope, narrowly for {@link #NARROWLY_REJECTED}. */
	private static final class ScriptedClassifier implements IntentClassifier, IntentClassifier.Factory {
		static final String KIND = "scripted";

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public IntentClassifier create(AgentIr agent, SentenceEncoders encoders) {
			return this;
		}

		@Override
		public Classification classify(String normalized, Language language) {
			List<IntentCandidate> candidates = SCORES.getOrDefault(normalized, List.of());
			boolean inScope = !candidates.isEmpty() && candidates.get(0).score() >= threshold();
			return new Classification(inScope ? candidates.get(0).intent() : null, candidates,
					inScope || candidates.isEmpty() ? null : Rejection.BELOW_THRESHOLD, NARROWLY_REJECTED.contains(normalized));
		}

		@Override
		public double threshold() {
			return 0.5;
		}
	}
}
