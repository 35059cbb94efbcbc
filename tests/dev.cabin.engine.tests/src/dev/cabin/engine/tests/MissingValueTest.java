package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.SentenceEncoders;

/** A reply that needs a value the car does not have says the author's alternative or the engine's phrase, never a gap. */
class MissingValueTest {

	private static final SentenceEncoders NO_MODELS = new SentenceEncoders(language -> {
		throw new AssertionError("an agent without intents needs no sentence model");
	});

	private static final String COOLANT = "Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature";

	@Test
	void aSignalWithoutValueSaysTheAuthoredAlternative() throws Exception {
		Session session = session();

		assertEquals("I can't read the coolant temperature right now.", say(session, "coolant"));
		session.locale("zh-CN");
		assertEquals("现在读不到冷却液温度。", say(session, "coolant"));
	}

	@Test
	void aSignalWithAValueIsSaid() throws Exception {
		Session session = session();
		session.given(COOLANT, 92.0);

		assertEquals("The coolant is at 92 degrees.", say(session, "coolant"));
	}

	@Test
	void withoutAnAlternativeTheEngineSaysItCannotReadTheSignal() throws Exception {
		Session session = session();

		TurnResult turn = session.handle(new InputEvent.Touch("position"));

		assertEquals("Sorry, I can't read the sunroof position right now.", turn.replies().get(0).text());
		assertTrue(turn.trace().toJson().contains("template placeholder {Vehicle.Cabin.Sunroof.Position} has no value"));
		session.locale("zh-CN");
		assertEquals("抱歉，我现在读不到“sunroof position”。", say(session, "position"));
	}

	@Test
	void aSlotWithoutValueIsNamedToo() throws Exception {
		assertEquals("Sorry, I can't read the target temperature right now.", say(session(), "slot"));
	}

	private static String say(Session session, String control) {
		return session.handle(new InputEvent.Touch(control)).replies().get(0).text();
	}

	private static Session session() throws Exception {
		List<TriggerIr> triggers = List.of(
				TriggerIr.on(new EventIr.Touch("coolant"), new ActionIr.StartFlow("Coolant")),
				TriggerIr.on(new EventIr.Touch("position"), new ActionIr.StartFlow("Position")),
				TriggerIr.on(new EventIr.Touch("slot"), new ActionIr.StartFlow("Slot")));
		List<FlowIr> flows = List.of(
				new FlowIr("Coolant", List.of(new StepIr.Say(
						Map.of("en-US", "The coolant is at {" + COOLANT + "} degrees.", "zh-CN", "冷却液温度为{" + COOLANT + "}度。"),
						Map.of("en-US", "I can't read the coolant temperature right now.", "zh-CN", "现在读不到冷却液温度。"),
						Map.of()))),
				new FlowIr("Position", List.of(new StepIr.Say(Map.of("en-US",
						"The sunroof is {Vehicle.Cabin.Sunroof.Position} percent open.", "zh-CN",
						"天窗开了{Vehicle.Cabin.Sunroof.Position}%。"), Map.of()))),
				new FlowIr("Slot", List.of(new StepIr.Say(Map.of("en-US", "Setting it to {targetTemperature} degrees."),
						Map.of()))));
		AgentIr agent = new AgentIr("Gauges", "Gauges", List.of("en-US", "zh-CN"), Map.of(), List.of(), null, List.of(),
				List.of(), List.of(), triggers, flows, List.of(), null, List.of());
		return Engine.load(new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(agent)), NO_MODELS).openSession();
	}
}
