package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.nlu.SlotValues;
import dev.cabin.engine.nlu.UtteranceTemplate;
import dev.cabin.language.TextNormalizer;

/** Slot values as drivers say them, in English and Chinese. */
class SlotValuesTest {

	private final SlotValues values = new SlotValues(List.of(new EntityIr("Wheel", List.of(
			new EntityIr.Value("FrontLeft", Map.of("en-US", List.of("front left", "driver side front"), "zh-CN", List.of("左前"))),
			new EntityIr.Value("Front", Map.of("en-US", List.of("front")))))));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"number|set it to 22|22.0",
			"number|twenty two please|22.0",
			"number|a hundred and five|105.0",
			"number|调到二十四|24.0",
			"number|两百|200.0",
			"number|三点五|3.5",
			"temperature|make it 21.5 degrees|21.5",
			"temperature|二十二度|22.0",
			"percentage|open it fifty percent|50.0",
			"percentage|百分之三十|30.0",
			"duration|remind me in 10 minutes|600.0",
			"duration|in two hours|7200.0",
			"duration|half an hour|1800.0",
			"duration|十分钟后|600.0" })
	void findsBuiltinValues(String type, String utterance, double expected) {
		assertEquals(expected, values.find(TextNormalizer.normalize(utterance), TypeIr.builtin(type)));
	}

	@Test
	void findsTheLongestSynonymOfAnEntityValue() {
		TypeIr wheel = TypeIr.entity("Wheel");

		assertEquals("FrontLeft", values.find("check the front left tire", wheel));
		assertEquals("Front", values.find("check the front tires", wheel));
		assertEquals("FrontLeft", values.find("检查左前轮胎", wheel));
		assertNull(values.find("check the frontier", wheel), "only whole words");
	}

	@Test
	void findsPlacesAndYesOrNo() {
		assertEquals("West Lake", values.find("take me to west lake", TypeIr.builtin("place")));
		assertEquals("杭州东站", values.find("导航到杭州东站", TypeIr.builtin("place")));
		assertEquals(Boolean.TRUE, SlotValues.yesOrNo("yes please"));
		assertEquals(Boolean.FALSE, SlotValues.yesOrNo("不用了"));
		assertNull(SlotValues.yesOrNo("maybe later"));
	}

	@Test
	void aTemplateMatchesLiterallyAndCapturesItsSlots() {
		UtteranceTemplate template = UtteranceTemplate.parse("set the {side} temperature to {temp=22 degrees}");

		assertEquals(List.of("side", "temp"), template.slots());
		assertEquals("set the driver temperature to 22 degrees", template.filled(slot -> "driver"));
		var matcher = template.toPattern().matcher(TextNormalizer.normalize("Set the passenger temperature to 19°C!"));
		assertEquals(true, matcher.matches());
		assertEquals("passenger", matcher.group(1));
		assertEquals("19 c", matcher.group(2));
	}
}
