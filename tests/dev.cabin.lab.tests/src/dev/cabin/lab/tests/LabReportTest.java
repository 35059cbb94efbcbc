package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cabin.lab.Corpus;
import dev.cabin.lab.CorpusLine;
import dev.cabin.lab.LabReport;
import dev.cabin.lab.Outcome;
import dev.cabin.lab.Outcome.SlotValue;

/**
 * Every figure of a lab test on small cases computed by hand. Ten utterances of intents A, B, C and out of
 * scope; the engine gets A wrong once (as B), rejects a B, accepts an out-of-scope one as A.
 */
class LabReportTest {

	private static final String OOS = Corpus.OUT_OF_SCOPE;

	/** expected, predicted, score, milliseconds. */
	private static final Object[][] CASE = {
			{ "A", "A", 0.9, 1 }, { "A", "A", 0.8, 2 }, { "A", "B", 0.7, 3 }, { "B", "B", 0.95, 4 },
			{ "B", OOS, 0.5, 5 }, { "C", "C", 0.85, 6 }, { OOS, OOS, 0.3, 7 }, { OOS, "A", 0.75, 8 },
			{ OOS, OOS, 0.2, 9 }, { "A", "A", 1.0, 10 } };

	private static LabReport handComputedCase() {
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < CASE.length; i++) {
			outcomes.add(outcome(i + 1, (String) CASE[i][0], (String) CASE[i][1], (double) CASE[i][2],
					(int) CASE[i][3], List.of(), List.of()));
		}
		return new LabReport("Agent", "case.jsonl", List.of("A", "B", "C", "D"), 0.6, outcomes, List.of(),
				2_000_000_000L, 2);
	}

	@Test
	void inScopeAccuracyCountsAWrongOutOfScopeAsAnError() {
		LabReport report = handComputedCase();

		assertEquals(10, report.n());
		assertEquals(7, report.inScope());
		assertEquals(5, report.inScopeCorrect());
		assertEquals(5.0 / 7, report.inScopeAccuracy(), 1e-12);
	}

	@Test
	void aRecognizedUtteranceAskedAboutFirstIsCountedAsSuch() {
		CorpusLine asked = new CorpusLine(1, "open it up there", "A", null, List.of());
		CorpusLine wrong = new CorpusLine(2, "open the boot", "B", null, List.of());
		List<Outcome> outcomes = List.of(
				new Outcome(asked, "A", "A", 0.7, "classifier", List.of(), List.of(), List.of(), 1, 1, true, null),
				new Outcome(wrong, "B", "A", 0.7, "classifier", List.of(), List.of(), List.of(), 1, 1, true, null));
		LabReport report = new LabReport("Agent", "case.jsonl", List.of("A", "B"), 0.6, outcomes, List.of(), 1, 1);

		assertEquals(1, report.inScopeCorrect());
		assertEquals(1, report.inScopeAsked(), "a question about the wrong intent is an error, not a recognition");
		assertEquals(0, handComputedCase().inScopeAsked());
	}

	@Test
	void aWrongIntentCountsAsAWrongActionUnlessTheAgentAskedFirst() {
		CorpusLine close = new CorpusLine(1, "button up the roof", "Close", null, List.of());
		CorpusLine shut = new CorpusLine(2, "seal the roof", "Close", null, List.of());
		CorpusLine away = new CorpusLine(3, "roof away", "Close", null, List.of());
		List<Outcome> outcomes = List.of(
				new Outcome(close, "Close", "Open", 0.9, "classifier", List.of(), List.of(), List.of(), 1, 1, false, null),
				new Outcome(shut, "Close", "Open", 0.9, "classifier", List.of(), List.of(), List.of(), 1, 1, true, null),
				new Outcome(away, "Close", OOS, 0.4, "classifier", List.of(), List.of(), List.of(), 1, 1, false, null));
		LabReport report = new LabReport("Agent", "case.jsonl", List.of("Open", "Close"), 0.6, outcomes, List.of(), 1,
				1);

		assertEquals(1, report.inScopeWrongActedOn(), "a question and a fallback act on nothing");
	}

	@Test
	void outOfScopeRecallAndPrecision() {
		LabReport report = handComputedCase();

		assertEquals(3, report.outOfScope());
		assertEquals(2.0 / 3, report.outOfScopeRecall(), 1e-12, "2 of the 3 out-of-scope utterances rejected");
		assertEquals(3, report.predictedOutOfScope());
		assertEquals(2.0 / 3, report.outOfScopePrecision(), 1e-12, "2 of the 3 rejections were right");
	}

	@Test
	void perIntentPrecisionRecallAndF1AndTheirMacroMean() {
		LabReport report = handComputedCase();

		List<LabReport.Score> scores = report.perIntent();

		assertEquals(List.of("A", "B", "C"), scores.stream().map(LabReport.Score::name).toList(),
				"D is neither in the corpus nor answered");
		LabReport.Score a = scores.get(0);
		assertEquals(4, a.expected());
		assertEquals(4, a.found(), "three right and the out-of-scope utterance taken for A");
		assertEquals(0.75, a.precision(), 1e-12);
		assertEquals(0.75, a.recall(), 1e-12);
		assertEquals(0.75, a.f1(), 1e-12);
		LabReport.Score b = scores.get(1);
		assertEquals(0.5, b.precision(), 1e-12);
		assertEquals(0.5, b.recall(), 1e-12);
		assertEquals(0.5, b.f1(), 1e-12);
		assertEquals(1.0, scores.get(2).f1(), 1e-12);
		assertEquals((0.75 + 0.5 + 1.0) / 3, report.macroF1(), 1e-12);
	}

	@Test
	void unrelatedSpeechAloneHasNoMacroF1ButListsTheIntentsItWasTakenFor() {
		List<Outcome> outcomes = List.of(outcome(1, OOS, "A", 0.8, 1, List.of(), List.of()),
				outcome(2, OOS, OOS, 0.3, 1, List.of(), List.of()));
		LabReport report = new LabReport("Agent", "background", List.of("A", "B"), 0.6, outcomes, List.of(), 1, 1);

		assertNull(report.macroF1());
		assertEquals(List.of("A"), report.perIntent().stream().map(LabReport.Score::name).toList());
	}

	@Test
	void f1IsTheHarmonicMeanAndZeroWithoutCorrectAnswers() {
		LabReport.Score score = new LabReport.Score("X", 4, 2, 1);

		assertEquals(0.5, score.precision(), 1e-12);
		assertEquals(0.25, score.recall(), 1e-12);
		assertEquals(2 * 0.5 * 0.25 / 0.75, score.f1(), 1e-12);
		assertEquals(0.0, new LabReport.Score("Y", 3, 0, 0).precision(), "never answered: precision 0");
		assertEquals(0.0, new LabReport.Score("Y", 3, 0, 0).f1());
	}

	@Test
	void theConfusionMatrixCountsExpectedAgainstAnswered() {
		LabReport report = handComputedCase();

		assertEquals(List.of("A", "B", "C", OOS), report.confusionLabels());
		int[][] matrix = report.confusion();
		assertArrayEquals(new int[] { 3, 1, 0, 0 }, matrix[0]);
		assertArrayEquals(new int[] { 0, 1, 0, 1 }, matrix[1]);
		assertArrayEquals(new int[] { 0, 0, 1, 0 }, matrix[2]);
		assertArrayEquals(new int[] { 1, 0, 0, 2 }, matrix[3]);
	}

	@Test
	void theHistogramBinsScoresByVerdict() {
		int[][] bins = handComputedCase().histogram();

		assertEquals(20, bins.length);
		int correct = Outcome.Verdict.CORRECT.ordinal();
		assertEquals(2, bins[19][correct], "0.95, and 1.0 in the last bin");
		assertEquals(1, bins[18][correct]);
		assertEquals(1, bins[14][Outcome.Verdict.WRONG_INTENT.ordinal()], "0.7");
		assertEquals(1, bins[10][Outcome.Verdict.WRONGLY_REJECTED.ordinal()], "0.5");
		assertEquals(1, bins[15][Outcome.Verdict.WRONGLY_ACCEPTED.ordinal()], "0.75");
		assertEquals(1, bins[4][correct], "0.2");
		int total = 0;
		for (int[] bin : bins) {
			for (int count : bin) {
				total += count;
			}
		}
		assertEquals(10, total);
	}

	@Test
	void theErrorsComeMostConfidentFirst() {
		List<Outcome> errors = handComputedCase().errors();

		assertEquals(List.of(8, 3, 5), errors.stream().map(o -> o.line().line()).toList());
		assertEquals(Outcome.Verdict.WRONGLY_ACCEPTED, errors.get(0).verdict());
		assertEquals(Outcome.Verdict.WRONG_INTENT, errors.get(1).verdict());
		assertEquals(Outcome.Verdict.WRONGLY_REJECTED, errors.get(2).verdict());
	}

	@Test
	void latencyPercentilesByNearestRankAndThroughput() {
		LabReport report = handComputedCase();

		LabReport.Latency latency = report.latency();

		assertEquals(5.0, latency.p50(), 1e-9, "the 5th of 10");
		assertEquals(9.0, latency.p90(), 1e-9, "the 9th of 10");
		assertEquals(10.0, latency.p99(), 1e-9, "rank ceil(9.9) = 10");
		assertEquals(10.0, latency.max(), 1e-9);
		assertEquals(5.5, latency.mean(), 1e-9);
		assertEquals(5.0, report.throughput(), 1e-9, "10 utterances in 2 s");
	}

	@Test
	void processorTimeAndTheCapacityItGives() {
		LabReport report = handComputedCase();

		LabReport.Latency cpu = report.cpu();

		assertEquals(2.5, cpu.p50(), 1e-9, "half the wall clock in this case");
		assertEquals(5.0, cpu.p99(), 1e-9);
		assertEquals(2.75, cpu.mean(), 1e-9);
		assertEquals(2 * 1000 / 2.75, report.capacity(), 1e-9, "two threads, 2.75 ms each per utterance");
	}

	@Test
	void aSingleUtteranceIsEveryPercentile() {
		LabReport report = new LabReport("Agent", "one.jsonl", List.of("A"), 0.5,
				List.of(outcome(1, "A", "A", 0.9, 7, List.of(), List.of())), List.of(), 1_000_000_000L, 1);

		assertEquals(7.0, report.latency().p50(), 1e-9);
		assertEquals(7.0, report.latency().p99(), 1e-9);
	}

	@Test
	void sharesOfNothingAreUndefinedRatherThanZero() {
		LabReport report = new LabReport("Agent", "in-scope.jsonl", List.of("A"), 0.5,
				List.of(outcome(1, "A", "A", 0.9, 1, List.of(), List.of())), List.of(), 1_000_000L, 1);

		assertEquals(1.0, report.inScopeAccuracy());
		assertNull(report.outOfScopeRecall(), "no out-of-scope utterance in the corpus");
		assertNull(report.outOfScopePrecision(), "nothing called out of scope");
	}

	@Test
	void slotsAreScoredBySlotAndValueOverAllUtterances() {
		List<Outcome> outcomes = List.of(
				outcome(1, "A", "A", 0.9, 1, List.of(slot("city", "paris"), slot("date", "today")),
						List.of(slot("city", "paris"), slot("date", "tomorrow"))),
				outcome(2, "A", "A", 0.9, 1, List.of(slot("city", "rome")), List.of()),
				outcome(3, "A", "A", 0.9, 1, List.of(), List.of(slot("city", "oslo"))));
		LabReport report = new LabReport("Agent", "slots.jsonl", List.of("A"), 0.5, outcomes, List.of(), 1, 1);

		LabReport.Score all = report.slots();

		assertEquals(3, all.expected(), "paris, today, rome");
		assertEquals(3, all.found(), "paris, tomorrow, oslo");
		assertEquals(1, all.correct(), "paris");
		assertEquals(1.0 / 3, all.precision(), 1e-12);
		assertEquals(1.0 / 3, all.recall(), 1e-12);
		assertEquals(1.0 / 3, all.f1(), 1e-12);
		LabReport.Score city = report.perSlot().get(0);
		assertEquals("city", city.name());
		assertEquals(0.5, city.precision(), 1e-12);
		assertEquals(0.5, city.recall(), 1e-12);
		assertEquals(0.0, report.perSlot().get(1).f1(), "the date was found with the wrong value");
	}

	@Test
	void aValueGivenTwiceMustBeFoundTwice() {
		LabReport report = new LabReport("Agent", "twice.jsonl", List.of("A"), 0.5,
				List.of(outcome(1, "A", "A", 0.9, 1, List.of(slot("stop", "paris"), slot("stop", "paris")),
						List.of(slot("stop", "paris")))),
				List.of(), 1, 1);

		assertEquals(1, report.slots().correct());
		assertEquals(0.5, report.slots().recall(), 1e-12);
		assertEquals(1.0, report.slots().precision(), 1e-12);
	}

	private static SlotValue slot(String slot, String value) {
		return new SlotValue(slot, value);
	}

	private static Outcome outcome(int line, String expected, String predicted, double score, int millis,
			List<SlotValue> expectedSlots, List<SlotValue> foundSlots) {
		return new Outcome(new CorpusLine(line, "utterance " + line, expected, null, List.of()), expected, predicted,
				score, "classifier", List.of(), expectedSlots, foundSlots, millis * 1_000_000L, millis * 500_000L,
				false, null);
	}
}
