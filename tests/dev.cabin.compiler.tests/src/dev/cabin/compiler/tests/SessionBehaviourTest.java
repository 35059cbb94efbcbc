package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.IrFormatException;

/** What a session does over time and under load, beyond what the conversation tests express. */
class SessionBehaviourTest {

	private static Engine engine;

	@BeforeAll
	static void loadTheComfortAgent() throws Exception {
		engine = Engine.load(TestAgents.comfort(), OnnxModels.encoders());
	}

	@Test
	void theWakeWordInterruptsTheAgentWhileItSpeaks() {
		Session session = engine.openSession("Comfort");
		session.handle(new InputEvent.Touch("welcome"));

		TurnResult interrupted = session.handle(new InputEvent.Wake(null));

		assertEquals("stop", interrupted.replies().get(0).type());
		assertTrue(interrupted.trace().transitions().contains("barge-in: speech cancelled"));
		session.handle(new InputEvent.Wait(60_000));
		assertTrue(session.handle(new InputEvent.Wake(null)).replies().isEmpty(), "nothing to interrupt after the speech");
	}

	@Test
	void withWakeWordGatingSpeechNeedsTheWakeWordOrPushToTalk() {
		Session session = engine.openSession("Comfort", new Engine.SessionOptions().requireWakeWord(true));

		assertTrue(session.handle(new InputEvent.Voice("set the temperature to 20 degrees")).replies().isEmpty(),
				"not addressed to the agent");
		assertEquals("Setting the temperature to 21 degrees.",
				session.handle(new InputEvent.Voice("Hey Cabin, set the temperature to 21 degrees")).replies().get(0).text());
		session.handle(new InputEvent.PushToTalk());
		assertEquals("Setting the temperature to 22 degrees.",
				session.handle(new InputEvent.Voice("set the temperature to 22 degrees")).replies().get(0).text());
		session.handle(new InputEvent.Wake("Hey Cabin"));
		session.handle(new InputEvent.Wait(9_000));
		assertTrue(session.handle(new InputEvent.Voice("set the temperature to 23 degrees")).replies().isEmpty(),
				"the agent stopped listening");
	}

	@Test
	void aSignalTriggerFiresAgainOnlyAfterComingBackPastTheHysteresis() {
		Session session = engine.openSession("Comfort");
		assertEquals(List.of("Slowdown"), speed(session, 130));
		assertEquals(List.of(), speed(session, 115), "115 is not below 120 - 10");
		assertEquals(List.of(), speed(session, 130), "so 130 again does not fire");
		assertEquals(List.of(), speed(session, 105));
		assertEquals(List.of("Slowdown"), speed(session, 125), "back from below 110, it fires again");
	}

	private static List<String> speed(Session session, double kmh) {
		List<String> flows = new ArrayList<>(session.handle(new InputEvent.Signal("Vehicle.Speed", kmh)).flows());
		flows.addAll(session.handle(new InputEvent.Wait(3_000)).flows());
		return flows;
	}

	@Test
	void anActuatorReachesItsTargetAfterItsDelay() {
		Session session = engine.openSession("Comfort");

		session.handle(new InputEvent.Voice("set the temperature to 19 degrees"));

		String path = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
		assertEquals(19.0, session.vehicle().target(path));
		assertNull(session.vehicle().value(path), "the actual value lags behind the target");
		session.handle(new InputEvent.Wait(600));
		assertEquals(19.0, session.vehicle().value(path));
	}

	@Test
	void aQuestionLeftUnansweredTimesOut() {
		Session session = engine.openSession("Comfort");
		session.handle(new InputEvent.Voice("change the temperature"));
		assertTrue(session.awaiting());

		TurnResult later = session.handle(new InputEvent.Wait(21_000));

		assertFalse(session.awaiting());
		assertTrue(later.trace().transitions().stream().anyMatch(t -> t.startsWith("timeout")), later.trace().transitions()::toString);
	}

	@Test
	void aNewRequestInsteadOfAnAnswerStartsOver() {
		Session session = engine.openSession("Comfort");
		session.handle(new InputEvent.Voice("change the temperature"));

		TurnResult turn = session.handle(new InputEvent.Voice("tell me a story"));

		assertEquals("TellStory", turn.intent());
		assertTrue(turn.replies().get(0).text().startsWith("Once upon a time"));
		assertFalse(session.awaiting());
	}

	@Test
	void aFlowWhoseCallCannotRunEndsThere() {
		Session moving = engine.openSession("Comfort");
		moving.given("Vehicle.Speed", 30.0);

		TurnResult denied = moving.handle(new InputEvent.Voice("warm up the driver seat"));

		assertEquals(List.of("Sorry, I can't do that right now."), denied.replies().stream().map(r -> r.text()).toList(),
				"nothing claims the seat is warming");
		moving.handle(new InputEvent.Voice("set the temperature to 18 degrees"));
		TurnResult declined = moving.handle(new InputEvent.Voice("no"));
		assertEquals("declined", declined.toolCalls().get(0).outcome());
		assertTrue(declined.replies().isEmpty(), declined.replies().toString());
	}

	@Test
	void badUtterancesGetAReplyAndTheSessionGoesOn() {
		Session session = engine.openSession("Comfort");

		assertEquals("fallback", session.handle(new InputEvent.Voice("")).replies().get(0).type());
		assertEquals("fallback", session.handle(new InputEvent.Voice("?!。，")).replies().get(0).type());
		TurnResult huge = session.handle(new InputEvent.Voice("tell me a story please ".repeat(4_500)));
		assertEquals(1, huge.replies().size(), "100 kB of text gets one reply");
		assertEquals("Setting the temperature to 20 degrees.",
				session.handle(new InputEvent.Voice("set the temperature to 20 degrees")).replies().get(0).text());
	}

	@Test
	void anIrThatNeedsAnotherClassifierIsRefused() {
		CabinIr ir = TestAgents.comfort();
		AgentIr comfort = ir.agents().get(0);
		AgentIr other = new AgentIr(comfort.id(), comfort.title(), comfort.locales(), comfort.persona(),
				comfort.wakeWords(), comfort.defaults(), comfort.entities(), comfort.intents(), comfort.tools(),
				comfort.triggers(), comfort.flows(), comfort.policies(),
				new ClassifierIr("trained-linear", 0.4, java.util.Map.of()), comfort.tests());

		IrFormatException error = assertThrows(IrFormatException.class,
				() -> Engine.load(new CabinIr(ir.formatVersion(), ir.encoders(), List.of(other)), OnnxModels.encoders()));

		assertTrue(error.getMessage().contains("trained-linear"), error.getMessage());
	}

	@Test
	void manySessionsRunAtOnceWithoutSharingState() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			int degrees = 16 + i % 10;
			answers.add(pool.submit(() -> {
				Session session = engine.openSession("Comfort");
				session.handle(new InputEvent.Voice("change the temperature"));
				return session.handle(new InputEvent.Voice(degrees + " degrees")).replies().get(0).text();
			}));
		}
		for (int i = 0; i < answers.size(); i++) {
			assertEquals("Setting the temperature to " + (16 + i % 10) + " degrees.", answers.get(i).get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
	}

	@Test
	void theTraceSaysWhichTriggerFiredAndWhichStepsRanWithTheirPlaceInTheFlow() {
		Session session = engine.openSession("Comfort");

		String asked = session.handle(new InputEvent.Posture("Drowsy")).trace().toJson();
		String answered = session.handle(new InputEvent.Voice("no")).trace().toJson();
		session.driverState("Attentive");
		session.handle(new InputEvent.Signal("Vehicle.Speed", 130));
		String branched = session.handle(new InputEvent.Wait(3_000)).trace().toJson();

		assertTrue(asked.contains("\"visits\":[{\"agent\":\"Comfort\",\"trigger\":6},"
				+ "{\"agent\":\"Comfort\",\"flow\":\"Fatigue\",\"step\":\"0\"}]"), asked);
		assertTrue(answered.contains("\"visits\":[{\"agent\":\"Comfort\",\"flow\":\"Fatigue\",\"step\":\"0.no.0\"}]"),
				answered);
		assertTrue(branched.contains("{\"agent\":\"Comfort\",\"trigger\":7},{\"agent\":\"Comfort\",\"flow\":"
				+ "\"Slowdown\",\"step\":\"0\"},{\"agent\":\"Comfort\",\"flow\":\"Slowdown\",\"step\":\"0.otherwise.0\"}"),
				branched);
	}
}
