package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.lab.BackgroundLines;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusLine;
import dev.cabin.lab.FalseAccepts;
import dev.cabin.lab.HtmlReport;
import dev.cabin.lab.JsonReport;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.Outcome;

/**
 * A question is not an action: a background line the agent asked about ("Did you mean to open the sunroof?") is
 * counted apart from the lines it acted on, in the totals, per locale and in the reports, so that neither is
 * hidden in the other.
 */
class FalseAcceptsTest {

	private static final String OOS = Corpus.OUT_OF_SCOPE;

	/** predicted, asked, locale: four English lines (one acted on, one asked about), two Chinese (one asked). */
	private static final Object[][] LINES = { { "OpenSunroof", false, "en-US" }, { "OpenSunroof", true, "en-US" },
			{ OOS, false, "en-US" }, { OOS, false, "en-US" }, { "SetTemperature", true, "zh-CN" },
			{ OOS, false, "zh-CN" } };

	private static FalseAccepts falseAccepts() {
		return backgroundReport().falseAccepts();
	}

	private static LabReport backgroundReport() {
		List<CorpusLine> lines = new ArrayList<>();
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < LINES.length; i++) {
			CorpusLine line = new CorpusLine(i + 1, "unrelated " + i, null, (String) LINES[i][2], List.of());
			lines.add(line);
			outcomes.add(new Outcome(line, OOS, (String) LINES[i][0], 0.7, "classifier", List.of(), List.of(),
					List.of(), 1_000_000L, 500_000L, (boolean) LINES[i][1], null));
		}
		BackgroundLines background = new BackgroundLines(new Corpus(BackgroundLines.NAME, lines, List.of()),
				List.of("a", "b", "c", "d", "e", "f"), 0, Map.of());
		LabReport report = new LabReport("Agent", BackgroundLines.NAME, List.of("OpenSunroof", "SetTemperature"), 0.6,
				outcomes, List.of(), 1_000_000_000L, 2);
		return report.withFalseAccepts(FalseAccepts.of(report, background));
	}

	@Test
	void aLineAskedAboutIsNoFalseAcceptButIsCountedOnItsOwn() {
		FalseAccepts accepts = falseAccepts();

		assertEquals(6, accepts.lines());
		assertEquals(1, accepts.accepted(), "only the line acted on");
		assertEquals(2, accepts.asked());
		assertEquals(1000.0 / 6, accepts.perThousand(), 1e-9);
		assertEquals(2000.0 / 6, accepts.askedPerThousand(), 1e-9);
		assertEquals(Map.of("OpenSunroof", 1), accepts.byIntent(), "the intents acted on");
		assertEquals(List.of("unrelated 0"), accepts.worst().stream().map(FalseAccepts.Accept::text).toList());
	}

	@Test
	void eachLocaleCountsWhatWasActedOnAndWhatWasAsked() {
		Map<String, FalseAccepts.Count> byLocale = falseAccepts().byLocale();

		assertEquals(new FalseAccepts.Count(4, 1, 1), byLocale.get("en-US"));
		assertEquals(new FalseAccepts.Count(2, 0, 1), byLocale.get("zh-CN"));
		assertEquals(500.0, byLocale.get("zh-CN").askedPerThousand(), 1e-9);
	}

	@Test
	void theJsonReportSaysWhatWasAskedNextToTheFalseAccepts() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		JsonReport.write(backgroundReport(), out);

		JsonNode json = new ObjectMapper().readTree(out.toByteArray()).get("false_accepts");

		assertEquals(1, json.get("accepted").asInt());
		assertEquals(166.7, json.get("per_1000").asDouble(), 1e-9);
		assertEquals(2, json.get("asked").asInt());
		assertEquals(333.3, json.get("asked_per_1000").asDouble(), 1e-9);
		assertEquals(1, json.get("by_locale").get("zh-CN").get("asked").asInt());
		assertEquals(250.0, json.get("by_locale").get("en-US").get("per_1000").asDouble(), 1e-9,
				"one of four English lines acted on, as the browser's Lab panel shows it");
	}

	@Test
	void theIntentsTakenForAreNamedTheMostHitFirstInEveryReport() throws Exception {
		FalseAccepts accepts = new FalseAccepts(100, 4, 0, 0, Map.of(), Map.of("Relax", 1, "SetTemperature", 2,
				"FreshScent", 1), Map.of(), List.of());
		StringWriter html = new StringWriter();
		HtmlReport.write(backgroundReport(), html);

		assertEquals("SetTemperature 2, FreshScent 1, Relax 1", accepts.takenFor(), "ties by name");
		assertEquals(List.of("SetTemperature", "FreshScent", "Relax"),
				accepts.byIntentMostFirst().stream().map(Map.Entry::getKey).toList(), "the JSON report's order");
		assertTrue(html.toString().contains("By intent: OpenSunroof 1."), "not a Java map: " + html);
	}
}
