package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.language.Words;

/** The word counting rules of the README, one row per rule and script. */
class WordsTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			// English
			"Turn left in two hundred metres.|6",
			"it's an e-mail|3",
			"Don't forget: the A/C is on!|6",
			"\"\"|0",
			// numbers and units
			"3.5|1",
			"1,000 km|2",
			"20°C|1",
			"20 °C|2",
			"50 km/h|2",
			"10:30|1",
			"-5 degrees|2",
			"50%|1",
			// Chinese: one word per two characters, rounded up for each run
			"胎压正常|2",
			"好|1",
			"胎压正常吗？|3",
			"好的，马上打开。|3",
			// Japanese: kana count like Han characters, the prolonged sound mark too
			"タイヤの空気圧は正常です|6",
			"コーヒー|2",
			"はい、開けます。|3",
			// mixed
			"车速 120 km/h|3",
			"打开A/C|2",
			"20度|2",
			// template markers
			"Setting the temperature to {temp} degrees.|6",
			"{temp}°C|1",
			"温度调到{temp}度。|4",
			// punctuation alone
			"...|0",
			"— ! ? 。|0",
			"OK — done!!! …|2",
			"(really)|1",
			"'quoted' words|2" })
	void countsWords(String text, int words) {
		assertEquals(words, Words.count(text));
	}

	@ParameterizedTest(name = "{0} in {1} words -> {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"Turn left. Then right.|4|Turn left. Then right.",
			"Turn left. Then keep right for two kilometres.|3|Turn left.",
			"This is a long sentence without any end in sight|4|This is a long…",
			"Hello, world and more|1|Hello…",
			"Set it to 20°C, please, now|4|Set it to 20°C…",
			"好的。马上为您打开车窗。|2|好的。",
			"马上为您打开车窗|2|马上为您…",
			"コーヒーをお願いします|3|コーヒーをお…" })
	void shortensToWholeSentencesElseCutsTheFirst(String text, int maxWords, String shortened) {
		assertEquals(shortened, Words.shorten(text, maxWords));
	}
}
