package dev.cabin.lab;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an agent did with the held-back background of unrelated speech: how many of its lines it acted on as one
 * of its intents (false accepts), which intents they hit, and the most confident of them; and, apart from them, how
 * many it asked about first ("Did you mean to open the sunroof?"): a question is not an action, but it is not a
 * fallback either, so it is counted on its own rather than hidden among the rejections.
 *
 * @param lines the background lines run
 * @param accepted how many the agent acted on
 * @param asked how many it asked about first instead of acting
 * @param leftOut held-back lines left out as the agent's own domain
 * @param ownLabels background labels left out whole as the agent's own domain
 * @param byIntent false accepts per intent
 * @param byLocale the lines and false accepts of each locale the background was run in
 * @param worst the most confident false accepts, at most {@link #WORST}
 */
public record FalseAccepts(int lines, int accepted, int asked, int leftOut, Map<String, Integer> ownLabels,
		Map<String, Integer> byIntent, Map<String, Count> byLocale, List<Accept> worst) {

	/** False accepts listed, the most confident first. */
	public static final int WORST = 10;

	/** How many lines ran, how many were acted on and how many asked about. */
	public record Count(int lines, int accepted, int asked) {
		public double perThousand() {
			return perThousand(accepted);
		}

		public double askedPerThousand() {
			return perThousand(asked);
		}

		private double perThousand(int count) {
			return lines == 0 ? 0 : 1000.0 * count / lines;
		}
	}

	/** One background line taken for an intent. */
	public record Accept(String text, String label, String intent, double score) {
	}

	public FalseAccepts {
		ownLabels = Map.copyOf(ownLabels);
		byIntent = Map.copyOf(byIntent);
		byLocale = Map.copyOf(byLocale);
		worst = List.copyOf(worst);
	}

	/** The false accepts of a lab test of {@link BackgroundLines}. */
	public static FalseAccepts of(LabReport report, BackgroundLines background) {
		Map<String, Integer> byIntent = new TreeMap<>();
		List<Outcome> accepts = report.outcomes().stream().filter(Outcome::actedOn).toList();
		accepts.forEach(outcome -> byIntent.merge(outcome.predicted(), 1, Integer::sum));
		List<Accept> worst = accepts.stream().sorted(Comparator.comparingDouble(Outcome::score).reversed()).limit(WORST)
				.map(outcome -> new Accept(outcome.line().text(), background.label(outcome.line()), outcome.predicted(),
						outcome.score()))
				.toList();
		Map<String, Count> byLocale = new TreeMap<>();
		for (Outcome outcome : report.outcomes()) {
			Count count = byLocale.getOrDefault(outcome.line().locale(), new Count(0, 0, 0));
			byLocale.put(outcome.line().locale(), new Count(count.lines() + 1,
					count.accepted() + (outcome.actedOn() ? 1 : 0), count.asked() + (outcome.asked() ? 1 : 0)));
		}
		int asked = (int) report.outcomes().stream().filter(Outcome::asked).count();
		return new FalseAccepts(report.n(), accepts.size(), asked, background.leftOut(), background.ownLabels(),
				byIntent, byLocale, worst);
	}

	/** The share of the lines accepted, 0 without lines. */
	public double rate() {
		return lines == 0 ? 0 : (double) accepted / lines;
	}

	/** False accepts per 1,000 unrelated requests. */
	public double perThousand() {
		return rate() * 1000;
	}

	/** The false accepts per intent, the most hit first (ties by name, so that every report lists them alike). */
	public List<Map.Entry<String, Integer>> byIntentMostFirst() {
		return byIntent.entrySet().stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.toList();
	}

	/** The intents the false accepts hit, for people: "Relax 7, SetTemperature 5, FreshScent 1". */
	public String takenFor() {
		return byIntentMostFirst().stream().map(entry -> entry.getKey() + " " + entry.getValue())
				.collect(Collectors.joining(", "));
	}

	/** Lines asked about first per 1,000 unrelated requests. */
	public double askedPerThousand() {
		return lines == 0 ? 0 : 1000.0 * asked / lines;
	}
}
