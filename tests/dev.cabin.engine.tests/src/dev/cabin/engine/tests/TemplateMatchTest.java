package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.Confidence;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.NluPipeline;
import dev.cabin.engine.nlu.Recognition;

/**
 * A template whose slot takes any phrase ({@code 去{destination}}, "go to ...") matches requests of other
 * intents too, taking the whole rest of the request for its slot; the classifier, when its best candidate is
 * another intent (recognized or rejected), has the last word. A template whose slot takes only its values is
 * trusted as before.
 */
class TemplateMatchTest {

	/** What the scripted classifier recognizes, by normalized utterance; anything else is out of scope. */
	private static final Map<String, String> CLASSIFIED = Map.of(
			"去上海路上要在哪充电", "ChargingStops",
			"去上海", "PlanTrip",
			"set the fan to 3 and play jazz", "PlayMusic");
	/** What it rejects with another best candidate than PlanTrip. */
	private static final Map<String, String> REJECTED_NEAREST = Map.of("去重庆的话中间得充几回", "ChargingStops");

	@Test
	void aRequestOfAnotherIntentIsNotTakenForAPlaceSlot() {
		Recognition recognition = pipeline().recognize("去上海路上要在哪充电");

		assertEquals("ChargingStops", recognition.intent());
		assertEquals("classifier", recognition.method());
	}

	@Test
	void aRequestNearestAnotherIntentIsNotTakenForAPlaceSlotEvenWhenTheClassifierRejectsIt() {
		Recognition recognition = pipeline().recognize("去重庆的话中间得充几回");

		assertNull(recognition.intent(), "no trip to \"重庆的话中间得充几回\"");
		assertEquals("ChargingStops", recognition.candidates().get(0).intent());
		assertEquals("classifier", recognition.method());
	}

	@Test
	void thePlaceTemplateStillMatchesWhatTheClassifierAgreesWithOrDoesNotKnow() {
		Recognition agreed = pipeline().recognize("去上海");
		Recognition unknown = pipeline().recognize("去西湖边上的那家茶馆");

		assertEquals("PlanTrip", agreed.intent());
		assertEquals("template", agreed.method());
		assertEquals("上海", agreed.slots().get("destination"));
		assertEquals("PlanTrip", unknown.intent());
		assertEquals("template", unknown.method());
	}

	@Test
	void aTemplateWhoseSlotTakesOnlyItsValuesIsTrusted() {
		Recognition recognition = pipeline().recognize("set the fan to 3 and play jazz");

		assertEquals("SetFan", recognition.intent(), "the classifier is not asked: the number was found");
		assertEquals("template", recognition.method());
	}

	private static NluPipeline pipeline() {
		IntentIr planTrip = new IntentIr("PlanTrip", List.of(new ExampleIr("zh-CN", "去{destination}")),
				List.of(new SlotIr("destination", TypeIr.builtin("place"), true, Map.of())), Confidence.NORMAL, Map.of());
		IntentIr chargingStops = new IntentIr("ChargingStops", List.of(new ExampleIr("zh-CN", "规划充电站")), List.of(),
				Confidence.NORMAL, Map.of());
		IntentIr setFan = new IntentIr("SetFan", List.of(new ExampleIr("en-US", "set the fan to {level} and play jazz")),
				List.of(new SlotIr("level", TypeIr.builtin("number"), true, Map.of())), Confidence.NORMAL, Map.of());
		IntentIr playMusic = new IntentIr("PlayMusic", List.of(new ExampleIr("en-US", "play jazz")), List.of(),
				Confidence.NORMAL, Map.of());
		AgentIr agent = new AgentIr("Trips", "Trips", List.of("en-US", "zh-CN"), Map.of(), List.of(), null, List.of(),
				List.of(planTrip, chargingStops, setFan, playMusic), List.of(), List.of(), List.of(), List.of(),
				new ClassifierIr("scripted", 0.5, Map.of(), Map.of()), List.of());
		return new NluPipeline(agent, new IntentClassifier() {
			@Override
			public Classification classify(String normalized, Language language) {
				String intent = CLASSIFIED.get(normalized);
				String nearest = REJECTED_NEAREST.getOrDefault(normalized, "PlanTrip");
				return new Classification(intent, intent == null ? List.of(new IntentCandidate(nearest, 0.3))
						: List.of(new IntentCandidate(intent, 0.8)), null, false);
			}

			@Override
			public double threshold() {
				return 0.5;
			}
		});
	}
}
