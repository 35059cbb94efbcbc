package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.language.DurationUnit;

class DurationUnitTest {

	@Test
	void theLanguageWritesDurationsWithFourSymbols() {
		assertEquals("ms, s, min, h", DurationUnit.symbols());
		assertEquals(120_000, DurationUnit.ofSymbol("min").millis(2));
		assertEquals(500, DurationUnit.ofSymbol("s").millis(0.5));
		assertNull(DurationUnit.ofSymbol("sec"), "a duration is written 30 s");
	}

	@Test
	void aLiteralMayUseAShortFormButMIsAMetre() {
		assertEquals(DurationUnit.SECOND, DurationUnit.ofLiteral("sec"));
		assertNull(DurationUnit.ofLiteral("m"));
		assertEquals(DurationUnit.MINUTE, DurationUnit.ofName("m"));
	}

	@ParameterizedTest
	@CsvSource({ "ms,0.001", "s,1", "sec,1", "seconds,1", "秒钟,1", "m,60", "mins,60", "minutes,60", "分钟,60",
			"分,60", "hours,3600", "个小时,3600" })
	void anySpokenNameIsReadWhole(String name, double seconds) {
		Matcher matcher = Pattern.compile(DurationUnit.namesRegex()).matcher(name);

		assertTrue(matcher.lookingAt());
		assertEquals(name, matcher.group(), "the longest name, not a shorter one it starts with");
		assertEquals(seconds, DurationUnit.ofName(name).seconds(1), 1e-9);
	}
}
