package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cabin.engine.nlu.IntentCandidate;
import dev.cabin.engine.nlu.Rejection;
import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusLine;
import dev.cabin.lab.HtmlReport;
import dev.cabin.lab.JsonReport;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.Outcome;

/** The JSON report has the keys scripts rely on; the HTML report stands alone and shows what matters. */
class ReportsTest {

	private static final LabReport REPORT = new LabReport("Cockpit", "val.jsonl", List.of("gas", "mpg"), 0.7,
			List.of(outcome(1, "how much gas do I have", "gas", "gas", 0.92, 3),
					outcome(2, "what's my mileage <b>per</b> gallon", "mpg", "gas", 0.81, 4),
					outcome(3, "play some jazz", Corpus.OUT_OF_SCOPE, Corpus.OUT_OF_SCOPE, 0.41, 5),
					outcome(4, "is my fuel efficient", "mpg", "mpg", 0.77, 6),
					outcome(5, "fill up the tank", "gas", "gas", 0.88, 7)),
			List.of("val.jsonl:9: warning: skipped 1 line without a \"text\" (line 9)"), 1_000_000_000L, 2);

	@Test
	void theJsonReportHasTheHeadlineKeysAndTheDetails() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		JsonReport.write(REPORT, out);

		JsonNode json = new ObjectMapper().readTree(out.toByteArray());

		assertEquals(5, json.get("n").asInt());
		assertEquals(0.75, json.get("in_scope_accuracy").asDouble(), 1e-9);
		assertEquals(1.0, json.get("oos_recall").asDouble());
		assertEquals(1.0, json.get("oos_precision").asDouble());
		assertEquals((0.8 + 2.0 / 3) / 2, json.get("macro_f1").asDouble(), 1e-4);
		assertEquals(5.0, json.get("latency_ms").get("p50").asDouble());
		assertEquals(7.0, json.get("latency_ms").get("p99").asDouble());
		assertEquals(0.5, json.get("per_intent").get("mpg").get("recall").asDouble());
		assertEquals(2, json.get("per_intent").get("mpg").get("support").asInt());
		assertEquals("gas", json.get("confusion").get("labels").get(0).asText());
		assertEquals(1, json.get("confusion").get("matrix").get(1).get(0).asInt(), "mpg taken for gas once");
		assertEquals(1, json.get("in_scope_wrong_acted_on").asInt(), "and acted on, without asking first");
		assertEquals(20, json.get("confidence_histogram").get("correct").size());
		JsonNode error = json.get("errors").get(0);
		assertEquals(2, error.get("line").asInt());
		assertEquals("gas", error.get("candidates").get(0).get("intent").asText());
		assertFalse(json.has("slots"), "no slots in this corpus");
		assertEquals(1, json.get("warnings").size());
	}

	@Test
	void theJsonReportListsEveryErrorThatTheHtmlReportLeavesToIt() throws Exception {
		List<Outcome> misses = IntStream.rangeClosed(1, 600)
				.mapToObj(line -> outcome(line, "play song " + line, "gas", "mpg", 0.5 + line / 10_000.0, 3)).toList();
		LabReport report = new LabReport("Cockpit", "val.jsonl", List.of("gas", "mpg"), 0.7, misses, List.of(),
				1_000_000_000L, 2);
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		StringWriter html = new StringWriter();

		JsonReport.write(report, json);
		HtmlReport.write(report, html);

		JsonNode errors = new ObjectMapper().readTree(json.toByteArray()).get("errors");
		assertEquals(600, errors.size());
		assertEquals(600, errors.get(0).get("line").asInt(), "the most confident first");
		Matcher more = Pattern.compile("(\\d+) more in the JSON report").matcher(html.toString());
		assertTrue(more.find(), "the HTML report sends the reader to the JSON for the rest");
		assertTrue(Integer.parseInt(more.group(1)) > 0);
	}

	@Test
	void bothReportsSayWhichTestTurnedDownARequestTheAgentHandles() throws Exception {
		Outcome fellBack = new Outcome(new CorpusLine(1, "take me home", "gas", null, List.of()), "gas",
				Corpus.OUT_OF_SCOPE, 0.58, "classifier", List.of(new IntentCandidate("gas", 0.58)), List.of(), List.of(),
				3_000_000L, 1_500_000L, false, Rejection.UNRELATED_SPEECH);
		LabReport report = new LabReport("Cockpit", "val.jsonl", List.of("gas", "mpg"), 0.7,
				List.of(fellBack, outcome(2, "fill up the tank", "gas", "gas", 0.88, 3)), List.of(), 1_000_000_000L, 2);
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		StringWriter html = new StringWriter();

		JsonReport.write(report, json);
		HtmlReport.write(report, html);

		JsonNode tree = new ObjectMapper().readTree(json.toByteArray());
		assertEquals("unrelatedSpeech", tree.get("errors").get(0).get("rejected_by").asText());
		assertEquals(1, tree.get("in_scope_rejected_by").get("unrelatedSpeech").asInt());
		assertTrue(html.toString().contains("(nearer to unrelated speech than to its intent's examples)"), html.toString());
	}

	@Test
	void theHtmlReportStandsAloneWithAHeatmapASortableTableAndTheErrors() throws Exception {
		StringWriter out = new StringWriter();
		HtmlReport.write(REPORT, out);
		String html = out.toString();

		assertFalse(Pattern.compile("(src|href)\\s*=|https?://|@import").matcher(html).find(),
				"nothing loaded from elsewhere");
		assertTrue(html.contains("<svg class=\"heatmap\""), "the confusion heatmap");
		assertTrue(html.contains("<title>mpg \u2192 gas: 1 of 2</title>"), "a cell tells its count");
		Matcher cells = Pattern.compile("<rect x=\"\\d+\" y=\"\\d+\" width=\"\\d+\" height=\"\\d+\" fill=\"rgba").matcher(
				html.substring(html.indexOf("class=\"heatmap\""), html.indexOf("</svg>")));
		int count = 0;
		while (cells.find()) {
			count++;
		}
		assertEquals(4, count, "one cell per non-empty pair: gas-gas, mpg-gas, mpg-mpg, oos-oos");
		assertTrue(html.contains("<table class=\"sortable\"><thead><tr><th>intent</th>"), "the intents table sorts");
		assertTrue(html.indexOf("<td>mpg</td>") < html.indexOf("<td>gas</td>"), "the worst F1 first");
		assertTrue(html.contains("what's my mileage &lt;b&gt;per&lt;/b&gt; gallon"), "utterances are escaped");
		assertTrue(html.contains("<span class=\"candidate\">gas 0.81</span>"), "errors show their candidates");
		assertTrue(html.contains("<div class=\"title\">Wrong actions</div><div class=\"value\">1</div>"),
				"the wrong intent acted on has a card of its own");
		assertTrue(html.contains("threshold 0.700"), "the histogram marks the threshold");
		assertTrue(html.contains("skipped 1 line without a &quot;text&quot;"), "warnings are shown");
	}

	private static Outcome outcome(int line, String text, String expected, String predicted, double score, int millis) {
		List<IntentCandidate> candidates = List.of(new IntentCandidate(predicted.equals("oos") ? "gas" : predicted, score),
				new IntentCandidate("mpg", score - 0.1));
		return new Outcome(new CorpusLine(line, text, expected, null, List.of()), expected, predicted, score,
				"classifier", candidates, List.of(), List.of(), millis * 1_000_000L, millis * 500_000L,
				false, null);
	}
}
