package dev.cabin.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.cabin.engine.nlu.IntentCandidate;

/**
 * A lab test as JSON, for scripts and CI: the headline figures at the top level ({@code n},
 * {@code in_scope_accuracy}, {@code oos_recall}, {@code oos_precision}, {@code macro_f1}, {@code latency_ms}),
 * which of the classifier's tests turned down the in-scope utterances it missed ({@code in_scope_rejected_by}),
 * then {@code per_intent}, the confusion matrix, the confidence histogram, every error (the most confident first,
 * with the test that turned down a wrongly rejected one and the background's training lines nearest to it when
 * unrelated speech did) and, when the corpus gives slots, the slot figures; with
 * the held-back background, {@code false_accepts}. Shares are between 0 and 1; a share of nothing is {@code null}.
 */
public final class JsonReport {

	private JsonReport() {
	}

	public static void write(LabReport report, OutputStream out) throws IOException {
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, tree(report));
	}

	static Map<String, Object> tree(LabReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("agent", report.agent());
		json.put("corpus", report.corpus());
		json.put("n", report.n());
		json.put("in_scope_n", report.inScope());
		json.put("oos_n", report.outOfScope());
		json.put("in_scope_accuracy", share(report.inScopeAccuracy()));
		json.put("in_scope_asked", report.inScopeAsked());
		json.put("in_scope_wrong_acted_on", report.inScopeWrongActedOn());
		Map<String, Object> rejectedBy = new LinkedHashMap<>();
		report.inScopeRejectedBy().forEach((rejection, count) -> rejectedBy.put(rejection.code(), count));
		json.put("in_scope_rejected_by", rejectedBy);
		json.put("oos_recall", share(report.outOfScopeRecall()));
		json.put("oos_precision", share(report.outOfScopePrecision()));
		json.put("macro_f1", share(report.macroF1()));
		json.put("threshold", share(report.threshold()));
		if (report.latency() != null) {
			json.put("latency_ms", latency(report.latency()));
			json.put("cpu_ms", latency(report.cpu()));
		}
		json.put("throughput_per_s", Math.round(report.throughput() * 10) / 10.0);
		json.put("capacity_per_s", Math.round(report.capacity() * 10) / 10.0);
		json.put("threads", report.threads());
		Map<String, Object> perIntent = new LinkedHashMap<>();
		report.perIntent().forEach(score -> perIntent.put(score.name(), score(score)));
		json.put("per_intent", perIntent);
		json.put("confusion", Map.of("labels", report.confusionLabels(), "matrix", report.confusion()));
		json.put("confidence_histogram", histogram(report));
		// every one, the most confident first: the HTML report shows the first ones and sends the reader here for the rest
		json.put("errors", report.errors().stream().map(error -> error(error, report.nearestUnrelated(error))).toList());
		if (report.hasSlots()) {
			Map<String, Object> slots = score(report.slots());
			Map<String, Object> perSlot = new LinkedHashMap<>();
			report.perSlot().forEach(score -> perSlot.put(score.name(), score(score)));
			slots.put("per_slot", perSlot);
			json.put("slots", slots);
		}
		if (report.falseAccepts() != null) {
			json.put("false_accepts", falseAccepts(report.falseAccepts()));
		}
		json.put("warnings", report.warnings());
		return json;
	}

	private static Map<String, Object> falseAccepts(FalseAccepts accepts) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("lines", accepts.lines());
		json.put("accepted", accepts.accepted());
		json.put("rate", share(accepts.rate()));
		json.put("per_1000", tenths(accepts.perThousand()));
		json.put("asked", accepts.asked());
		json.put("asked_per_1000", tenths(accepts.askedPerThousand()));
		json.put("left_out_as_own_domain", accepts.leftOut());
		json.put("own_domain_labels", new TreeMap<>(accepts.ownLabels()));
		Map<String, Integer> byIntent = new LinkedHashMap<>();
		accepts.byIntentMostFirst().forEach(entry -> byIntent.put(entry.getKey(), entry.getValue()));
		json.put("by_intent", byIntent);
		Map<String, Object> byLocale = new TreeMap<>();
		accepts.byLocale().forEach((locale, count) -> byLocale.put(locale,
				Map.of("lines", count.lines(), "accepted", count.accepted(), "per_1000", tenths(count.perThousand()),
						"asked", count.asked())));
		json.put("by_locale", byLocale);
		json.put("worst", accepts.worst().stream().map(accept -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("text", accept.text());
			line.put("label", accept.label());
			line.put("intent", accept.intent());
			line.put("score", share(accept.score()));
			return line;
		}).toList());
		return json;
	}

	private static Map<String, Object> latency(LabReport.Latency latency) {
		Map<String, Object> millis = new LinkedHashMap<>();
		millis.put("p50", millis(latency.p50()));
		millis.put("p90", millis(latency.p90()));
		millis.put("p99", millis(latency.p99()));
		millis.put("max", millis(latency.max()));
		millis.put("mean", millis(latency.mean()));
		return millis;
	}

	private static Map<String, Object> score(LabReport.Score score) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("precision", share(score.precision()));
		json.put("recall", share(score.recall()));
		json.put("f1", share(score.f1()));
		json.put("support", score.expected());
		json.put("predicted", score.found());
		json.put("correct", score.correct());
		return json;
	}

	private static Map<String, Object> histogram(LabReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		List<Double> edges = new ArrayList<>();
		for (int bin = 0; bin < LabReport.HISTOGRAM_BINS; bin++) {
			edges.add(Math.round(1000.0 * bin / LabReport.HISTOGRAM_BINS) / 1000.0);
		}
		json.put("bin_starts", edges);
		int[][] counts = report.histogram();
		for (Outcome.Verdict verdict : Outcome.Verdict.values()) {
			List<Integer> column = new ArrayList<>();
			for (int[] bin : counts) {
				column.add(bin[verdict.ordinal()]);
			}
			json.put(verdict.name().toLowerCase(Locale.ROOT), column);
		}
		return json;
	}

	private static Map<String, Object> error(Outcome outcome, List<UnrelatedNeighbours.Neighbour> nearestUnrelated) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("line", outcome.line().line());
		json.put("text", outcome.line().text());
		json.put("expected", outcome.expected());
		json.put("predicted", outcome.predicted());
		json.put("score", share(outcome.score()));
		json.put("method", outcome.method());
		if (outcome.rejectedBy() != null) {
			json.put("rejected_by", outcome.rejectedBy().code());
		}
		List<Map<String, Object>> candidates = new ArrayList<>();
		for (IntentCandidate candidate : outcome.candidates()) {
			candidates.add(Map.of("intent", candidate.intent(), "score", share(candidate.score())));
		}
		json.put("candidates", candidates);
		if (!nearestUnrelated.isEmpty()) {
			json.put("nearest_unrelated", nearestUnrelated.stream().map(neighbour -> Map.of("text", neighbour.text(),
					"label", neighbour.label(), "similarity", share(neighbour.similarity()))).toList());
		}
		return json;
	}

	private static Double share(Double value) {
		return value == null ? null : Math.round(value * 10_000) / 10_000.0;
	}

	private static double tenths(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static double millis(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
