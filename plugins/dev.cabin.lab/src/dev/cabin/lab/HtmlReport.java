package dev.cabin.lab;

import static dev.cabin.lab.Markup.escape;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cabin.engine.nlu.IntentCandidate;

/**
 * A lab test as one self-contained HTML page (no script, style or font from elsewhere): the headline figures,
 * the confusion matrix as a heatmap, the confidence histogram with the threshold, a table of the intents that
 * sorts by any column (by F1, worst first, to start with), the errors with the engine's top candidates, and the
 * latency.
 */
public final class HtmlReport {

	/** Errors listed, the most confident first. */
	static final int ERRORS = 500;

	private static final String[] VERDICT_COLORS = { "#4caf50", "#e53935", "#fb8c00", "#8e24aa" };

	private final LabReport report;
	private final StringBuilder html = new StringBuilder();

	private HtmlReport(LabReport report) {
		this.report = report;
	}

	public static void write(LabReport report, Writer out) throws IOException {
		out.write(new HtmlReport(report).page());
	}

	private String page() {
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Lab test: ")
				.append(escape(report.agent())).append(" on ").append(escape(report.corpus())).append("</title>\n<style>")
				.append(STYLE).append("</style></head>\n<body>\n");
		html.append("<h1>Lab test: ").append(escape(report.agent())).append(" on ").append(escape(report.corpus()))
				.append("</h1>\n<p class=\"sub\">").append(report.n()).append(" utterances (").append(report.inScope())
				.append(" in scope, ").append(report.outOfScope()).append(" out of scope) &middot; out-of-scope threshold ")
				.append(format(report.threshold(), 3)).append(" &middot; ").append(report.threads())
				.append(report.threads() == 1 ? " thread" : " threads").append("</p>\n");
		cards();
		warnings();
		if (report.falseAccepts() != null) {
			falseAccepts(report.falseAccepts());
		}
		section("Confusion matrix", "Rows: what the corpus says; columns: what the engine answered. Colour: the"
				+ " share of the row (blue on the diagonal, red elsewhere). Hover a cell for its count.");
		heatmap();
		section("Confidence", "The score of the engine's best candidate (its similarity to the intent's examples;"
				+ " 1 for an example said word for word), by what the answer was. Below the dashed line the engine"
				+ " calls an utterance out of scope; above it, the classifier still may.");
		histogram();
		section("Intents", "Click a column to sort; the worst F1 comes first.");
		intentTable();
		section("Errors", "The wrong answers, the most confident first, with the candidates the engine weighed.");
		errorTable();
		if (report.hasSlots()) {
			section("Slots", "A found value is right when the corpus gives the same slot with the same text.");
			slotTable();
		}
		section("Latency", "Each utterance through the engine, as the first thing said in a new conversation.");
		latency();
		html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
		return html.toString();
	}

	private void cards() {
		html.append("<div class=\"cards\">\n");
		card("In-scope accuracy", percent(report.inScopeAccuracy()), report.inScopeCorrect() + " / " + report.inScope());
		if (report.inScope() > 0) {
			card("Wrong actions", Integer.toString(report.inScopeWrongActedOn()),
					"of " + report.inScope() + " taken for another intent, not asked first");
		}
		card("Out-of-scope recall", percent(report.outOfScopeRecall()),
				report.outOfScopeCorrect() + " / " + report.outOfScope());
		card("Out-of-scope precision", percent(report.outOfScopePrecision()),
				report.outOfScopeCorrect() + " / " + report.predictedOutOfScope());
		card("Macro F1", report.macroF1() == null ? "&ndash;" : format(report.macroF1(), 3),
				report.perIntent().size() + " intents");
		LabReport.Latency latency = report.latency();
		if (latency != null) {
			card("Latency p50 / p99", format(latency.p50(), 1) + " / " + format(latency.p99(), 1) + " ms",
					"max " + format(latency.max(), 1) + " ms");
		}
		card("Throughput", format(report.throughput(), 0) + " /s", "utterances per second");
		html.append("</div>\n");
	}

	private void card(String title, String value, String detail) {
		html.append("<div class=\"card\"><div class=\"title\">").append(title).append("</div><div class=\"value\">")
				.append(value).append("</div><div class=\"detail\">").append(escape(detail)).append("</div></div>\n");
	}

	private void warnings() {
		if (!report.warnings().isEmpty()) {
			html.append("<div class=\"warnings\">");
			report.warnings().forEach(w -> html.append("<div>").append(escape(w)).append("</div>"));
			html.append("</div>\n");
		}
	}

	private void section(String title, String explanation) {
		html.append("<h2>").append(title).append("</h2>\n<p class=\"explain\">").append(explanation).append("</p>\n");
	}

	private void heatmap() {
		List<String> labels = report.confusionLabels();
		int[][] matrix = report.confusion();
		int n = labels.size();
		int cell = Math.max(8, Math.min(28, 760 / n));
		int font = Math.max(7, Math.min(13, cell - 2));
		// room for the longest label at about 0.6 em a character (intent names are Latin letters)
		int margin = 8 + labels.stream().mapToInt(String::length).max().orElse(4) * (font * 6 / 10 + 1);
		int size = margin + n * cell + 2;
		html.append("<svg class=\"heatmap\" width=\"").append(size).append("\" height=\"").append(size)
				.append("\" font-size=\"").append(font).append("\">\n");
		html.append("<rect x=\"").append(margin).append("\" y=\"").append(margin).append("\" width=\"").append(n * cell)
				.append("\" height=\"").append(n * cell).append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>\n");
		for (int i = 0; i < n; i++) {
			int at = margin + i * cell + cell / 2 + font / 3;
			html.append("<text x=\"").append(margin - 4).append("\" y=\"").append(at)
					.append("\" text-anchor=\"end\">").append(escape(labels.get(i))).append("</text>");
			html.append("<text transform=\"translate(").append(at).append(',').append(margin - 4)
					.append(") rotate(-90)\">").append(escape(labels.get(i))).append("</text>\n");
		}
		for (int row = 0; row < n; row++) {
			int total = 0;
			for (int count : matrix[row]) {
				total += count;
			}
			for (int column = 0; column < n; column++) {
				int count = matrix[row][column];
				if (count == 0) {
					continue;
				}
				double share = (double) count / total;
				String color = row == column ? "33,102,204" : "214,39,40";
				html.append("<rect x=\"").append(margin + column * cell).append("\" y=\"").append(margin + row * cell)
						.append("\" width=\"").append(cell).append("\" height=\"").append(cell).append("\" fill=\"rgba(")
						.append(color).append(',').append(format(0.3 + 0.7 * share, 3)).append(")\"><title>")
						.append(escape(labels.get(row))).append(" \u2192 ").append(escape(labels.get(column))).append(": ")
						.append(count).append(" of ").append(total).append("</title></rect>\n");
			}
		}
		html.append("</svg>\n");
	}

	private void histogram() {
		int[][] bins = report.histogram();
		int max = 1;
		for (int[] bin : bins) {
			int total = 0;
			for (int count : bin) {
				total += count;
			}
			max = Math.max(max, total);
		}
		int width = 720;
		int height = 240;
		int left = 48;
		int bottom = 28;
		double barWidth = (double) (width - left) / bins.length;
		html.append("<svg class=\"histogram\" width=\"").append(width).append("\" height=\"").append(height + 30)
				.append("\" font-size=\"11\">\n");
		for (int tick = 0; tick <= 4; tick++) {
			double y = height - bottom - (height - bottom - 10) * tick / 4.0;
			html.append("<line x1=\"").append(left).append("\" x2=\"").append(width).append("\" y1=\"").append(format(y, 1))
					.append("\" y2=\"").append(format(y, 1)).append("\" stroke=\"#eee\"/><text x=\"").append(left - 6)
					.append("\" y=\"").append(format(y + 4, 1)).append("\" text-anchor=\"end\">")
					.append(Math.round(max * tick / 4.0)).append("</text>\n");
		}
		for (int b = 0; b < bins.length; b++) {
			double y = height - bottom;
			for (Outcome.Verdict verdict : Outcome.Verdict.values()) {
				int count = bins[b][verdict.ordinal()];
				if (count == 0) {
					continue;
				}
				double h = (height - bottom - 10) * (double) count / max;
				y -= h;
				html.append("<rect x=\"").append(format(left + b * barWidth + 1, 1)).append("\" y=\"").append(format(y, 1))
						.append("\" width=\"").append(format(barWidth - 2, 1)).append("\" height=\"").append(format(h, 1))
						.append("\" fill=\"").append(VERDICT_COLORS[verdict.ordinal()]).append("\"><title>")
						.append(verdict.label()).append(", score ").append(format((double) b / bins.length, 2)).append("\u2013")
						.append(format((double) (b + 1) / bins.length, 2)).append(": ").append(count)
						.append("</title></rect>\n");
			}
			if (b % 2 == 0) {
				html.append("<text x=\"").append(format(left + b * barWidth, 1)).append("\" y=\"").append(height - bottom + 14)
						.append("\">").append(format((double) b / bins.length, 1)).append("</text>\n");
			}
		}
		double x = left + Math.max(0, Math.min(1, report.threshold())) * (width - left);
		html.append("<line x1=\"").append(format(x, 1)).append("\" x2=\"").append(format(x, 1)).append("\" y1=\"4\" y2=\"")
				.append(height - bottom).append("\" stroke=\"#333\" stroke-dasharray=\"4 3\"/><text x=\"")
				.append(format(x + 4, 1)).append("\" y=\"14\">threshold ").append(format(report.threshold(), 3))
				.append("</text>\n");
		int legendX = left;
		for (Outcome.Verdict verdict : Outcome.Verdict.values()) {
			html.append("<rect x=\"").append(legendX).append("\" y=\"").append(height + 8).append("\" width=\"12\" height=\"12\" fill=\"")
					.append(VERDICT_COLORS[verdict.ordinal()]).append("\"/><text x=\"").append(legendX + 16).append("\" y=\"")
					.append(height + 18).append("\">").append(verdict.label()).append("</text>\n");
			legendX += 150;
		}
		html.append("</svg>\n");
	}

	private void intentTable() {
		Map<String, String> confusedWith = mostConfusedWith();
		html.append("<table class=\"sortable\"><thead><tr><th>intent</th><th>support</th><th>precision</th>"
				+ "<th>recall</th><th class=\"sorted\">F1</th><th>most often taken for</th></tr></thead><tbody>\n");
		report.perIntent().stream().sorted(Comparator.comparingDouble(LabReport.Score::f1)).forEach(score -> {
			html.append("<tr><td>").append(escape(score.name())).append("</td>");
			numberCell(score.expected(), String.valueOf(score.expected()));
			numberCell(score.precision(), format(score.precision(), 3));
			numberCell(score.recall(), format(score.recall(), 3));
			html.append("<td data-value=\"").append(score.f1()).append("\"><span class=\"bar\" style=\"width:")
					.append(Math.round(score.f1() * 80)).append("px\"></span> ").append(format(score.f1(), 3)).append("</td>");
			html.append("<td>").append(escape(confusedWith.getOrDefault(score.name(), ""))).append("</td></tr>\n");
		});
		html.append("</tbody></table>\n");
	}

	/** For each intent, the other answer the engine gave most often for its utterances, with the count. */
	private Map<String, String> mostConfusedWith() {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		for (Outcome outcome : report.outcomes()) {
			if (!outcome.expected().equals(outcome.predicted())) {
				counts.computeIfAbsent(outcome.expected(), k -> new HashMap<>()).merge(outcome.predicted(), 1, Integer::sum);
			}
		}
		Map<String, String> worst = new HashMap<>();
		counts.forEach((intent, answers) -> answers.entrySet().stream().max(Map.Entry.comparingByValue())
				.ifPresent(e -> worst.put(intent, e.getKey() + " (" + e.getValue() + ")")));
		return worst;
	}

	private void numberCell(double value, String text) {
		html.append("<td class=\"num\" data-value=\"").append(value).append("\">").append(text).append("</td>");
	}

	private void errorTable() {
		List<Outcome> errors = report.errors();
		if (errors.isEmpty()) {
			html.append("<p>None.</p>\n");
			return;
		}
		html.append("<table class=\"sortable errors\"><thead><tr><th>line</th><th>utterance</th><th>expected</th>"
				+ "<th>answered</th><th>score</th><th>top candidates</th></tr></thead><tbody>\n");
		for (Outcome error : errors.subList(0, Math.min(ERRORS, errors.size()))) {
			html.append("<tr>");
			numberCell(error.line().line(), String.valueOf(error.line().line()));
			html.append("<td>").append(escape(error.line().text())).append("</td><td>").append(escape(error.expected()))
					.append("</td><td class=\"verdict").append(error.verdict().ordinal()).append("\">")
					.append(escape(error.predicted()));
			if (error.rejectedBy() != null) {
				html.append(" <small>(").append(escape(error.rejectedBy().words()));
				List<UnrelatedNeighbours.Neighbour> nearest = report.nearestUnrelated(error);
				if (!nearest.isEmpty()) {
					html.append(": ").append(nearest.stream().map(neighbour -> "\u201c" + escape(neighbour.text())
							+ "\u201d " + escape(neighbour.label())).collect(Collectors.joining(", ")));
				}
				html.append(")</small>");
			}
			html.append("</td>");
			numberCell(error.score(), format(error.score(), 3));
			html.append("<td class=\"candidates\">").append(error.candidates().stream().limit(3)
					.map(HtmlReport::candidate).collect(Collectors.joining(" "))).append("</td></tr>\n");
		}
		html.append("</tbody></table>\n");
		if (errors.size() > ERRORS) {
			html.append("<p class=\"explain\">").append(errors.size() - ERRORS).append(" more in the JSON report.</p>\n");
		}
	}

	private void falseAccepts(FalseAccepts accepts) {
		section("False accepts", "Lines of the built-in background of unrelated speech that no training saw, taken"
				+ " for one of the agent's intents and acted on: " + count(accepts.accepted()) + " of "
				+ count(accepts.lines()) + ", " + format(accepts.perThousand(), 1) + " per 1,000; asked about first"
				+ " instead: " + count(accepts.asked()) + ", " + format(accepts.askedPerThousand(), 1) + " per 1,000 ("
				+ count(accepts.leftOut()) + " held-back lines were left out as the agent's own domain). By intent: "
				+ escape(accepts.byIntent().isEmpty() ? "none" : accepts.takenFor()) + ".");
		if (accepts.worst().isEmpty()) {
			return;
		}
		html.append("<table class=\"sortable errors\"><thead><tr><th>utterance</th><th>background label</th>"
				+ "<th>taken for</th><th>score</th></tr></thead><tbody>\n");
		for (FalseAccepts.Accept accept : accepts.worst()) {
			html.append("<tr><td>").append(escape(accept.text())).append("</td><td>").append(escape(accept.label()))
					.append("</td><td>").append(escape(accept.intent())).append("</td>");
			numberCell(accept.score(), format(accept.score(), 3));
			html.append("</tr>\n");
		}
		html.append("</tbody></table>\n");
	}

	private static String candidate(IntentCandidate candidate) {
		return "<span class=\"candidate\">" + escape(candidate.intent()) + " " + format(candidate.score(), 2) + "</span>";
	}

	private void slotTable() {
		html.append("<table class=\"sortable\"><thead><tr><th>slot</th><th>in corpus</th><th>found</th><th>precision</th>"
				+ "<th>recall</th><th>F1</th></tr></thead><tbody>\n");
		Stream.concat(Stream.of(report.slots()), report.perSlot().stream())
				.forEach(score -> {
					html.append("<tr><td>").append(escape(score.name())).append("</td>");
					numberCell(score.expected(), String.valueOf(score.expected()));
					numberCell(score.found(), String.valueOf(score.found()));
					numberCell(score.precision(), format(score.precision(), 3));
					numberCell(score.recall(), format(score.recall(), 3));
					numberCell(score.f1(), format(score.f1(), 3));
					html.append("</tr>\n");
				});
		html.append("</tbody></table>\n");
	}

	private void latency() {
		if (report.latency() == null) {
			return;
		}
		html.append("<table><tr><th></th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>mean</th>"
				+ "<th>utterances per second</th></tr>\n");
		latencyRow("wall clock", report.latency(), format(report.throughput(), 0) + " measured");
		latencyRow("processor", report.cpu(), format(report.capacity(), 0) + " with a core per thread");
		html.append("</table>\n<p class=\"explain\">").append(report.threads())
				.append(report.threads() == 1 ? " thread" : " threads").append(". Processor time does not grow when"
						+ " other work shares the machine; the wall clock does.</p>\n");
	}

	private void latencyRow(String what, LabReport.Latency latency, String perSecond) {
		html.append("<tr><th>").append(what).append("</th>");
		for (double value : new double[] { latency.p50(), latency.p90(), latency.p99(), latency.max(), latency.mean() }) {
			html.append("<td class=\"num\">").append(format(value, 2)).append(" ms</td>");
		}
		html.append("<td class=\"num\">").append(perSecond).append("</td></tr>\n");
	}

	private static String percent(Double share) {
		return share == null ? "&ndash;" : format(share * 100, 1) + "%";
	}

	/* A count of lines with a thousands separator, as the rates beside it ("per 1,000") have. */
	private static String count(int lines) {
		return String.format(Locale.ROOT, "%,d", lines);
	}

	private static String format(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}


	private static final String STYLE = """
			body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px 32px;color:#222;max-width:1200px}
			h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 2px;border-bottom:1px solid #ddd;padding-bottom:3px}
			.sub,.explain{color:#666;font-size:13px;margin:2px 0 10px}
			.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
			.card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px}
			.card .title{font-size:12px;color:#666}.card .value{font-size:24px;font-weight:600}.card .detail{font-size:12px;color:#888}
			.warnings{background:#fff8e1;border:1px solid #ffe082;padding:8px 12px;font-size:13px;border-radius:4px}
			svg text{fill:#333}
			table{border-collapse:collapse;font-size:13px;margin:6px 0}
			th,td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
			th{background:#f5f5f5}table.sortable th{cursor:pointer;user-select:none}th.sorted::after{content:" \\25B2"}
			th.sorted.desc::after{content:" \\25BC"}td.num{text-align:right;font-variant-numeric:tabular-nums}
			.bar{display:inline-block;height:9px;background:#2166cc;border-radius:2px;vertical-align:middle}
			.candidate{display:inline-block;background:#f1f1f1;border-radius:3px;padding:0 4px;margin:1px;font-size:12px}
			.verdict1{color:#e53935}.verdict2{color:#fb8c00}.verdict3{color:#8e24aa}
			""";

	private static final String SCRIPT = """
			document.querySelectorAll('table.sortable').forEach(function (table) {
			  table.querySelectorAll('th').forEach(function (th, column) {
			    th.addEventListener('click', function () {
			      var descending = th.classList.contains('sorted') && !th.classList.contains('desc');
			      table.querySelectorAll('th').forEach(function (h) { h.classList.remove('sorted', 'desc'); });
			      th.classList.add('sorted');
			      if (descending) { th.classList.add('desc'); }
			      var body = table.tBodies[0];
			      var rows = Array.prototype.slice.call(body.rows);
			      rows.sort(function (a, b) {
			        var x = a.cells[column], y = b.cells[column];
			        var vx = x.dataset.value !== undefined ? parseFloat(x.dataset.value) : x.textContent;
			        var vy = y.dataset.value !== undefined ? parseFloat(y.dataset.value) : y.textContent;
			        var order = typeof vx === 'number' ? vx - vy : vx.localeCompare(vy);
			        return descending ? -order : order;
			      });
			      rows.forEach(function (row) { body.appendChild(row); });
			    });
			  });
			});
			""";
}
