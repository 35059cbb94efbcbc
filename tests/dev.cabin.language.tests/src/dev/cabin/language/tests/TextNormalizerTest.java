package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.language.TextNormalizer;

class TextNormalizerTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Are my tires OK?|are my tires ok",
			"  what's   the  tire pressure!!! |what's the tire pressure",
			"ＡＢＣ　１２３|abc 123",
			"胎压正常吗？|胎压正常吗",
			"'quoted' words|quoted words",
			"set it to {temp}, please|set it to {temp} please",
			"make it 21.5 degrees.|make it 21.5 degrees" })
	void normalizesCaseWidthPunctuationAndSpaces(String input, String expected) {
		assertEquals(expected, TextNormalizer.normalize(input));
	}
}
