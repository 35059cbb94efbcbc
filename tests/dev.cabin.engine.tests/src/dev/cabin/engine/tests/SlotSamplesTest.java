package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.nlu.SlotSamples;

/**
 * An example is embedded as a sentence a driver would say: what the compiler trains on, and what the lab compares
 * background lines with to leave out the agent's own domain.
 */
class SlotSamplesTest {

	private static final SlotIr DESTINATION = new SlotIr("destination", new TypeIr("place", null), true, Map.of());
	private static final SlotIr SEAT = new SlotIr("seat", new TypeIr(null, "Seat"), false, Map.of());
	private static final EntityIr SEATS = new EntityIr("Seat", List.of(
			new EntityIr.Value("driver", Map.of("en-US", List.of("driver's seat"), "zh-CN", List.of("主驾"))),
			new EntityIr.Value("passenger", Map.of("en-US", List.of("passenger seat")))));

	@Test
	void aMarkerIsSaidAsATypicalValueOfItsTypeInTheExamplesLanguage() {
		assertEquals("take me to the city centre",
				SlotSamples.spoken("Take me to {destination}", "en-US", List.of(DESTINATION), List.of()));
		assertEquals("导航到市中心", SlotSamples.spoken("导航到{destination}", "zh-CN", List.of(DESTINATION), List.of()));
	}

	@Test
	void anEntityMarkerIsSaidAsItsFirstValueInTheExamplesLocale() {
		assertEquals("heat the driver's seat",
				SlotSamples.spoken("heat the {seat}", "en-US", List.of(SEAT), List.of(SEATS)));
		assertEquals("加热主驾", SlotSamples.spoken("加热{seat}", "zh-CN", List.of(SEAT), List.of(SEATS)));
	}

	@Test
	void anAnnotatedValueIsSaidAsWrittenAndAMarkerOfNoSlotAsItsName() {
		assertEquals("i want to drive to the old town", SlotSamples.spoken("I want to drive to {destination=the old town}",
				"en-US", List.of(DESTINATION), List.of()));
		assertEquals("wake me at alarm", SlotSamples.spoken("wake me at {alarm}", "en-US", List.of(DESTINATION),
				List.of()));
	}
}
