package dev.cabin.lab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.language.TextNormalizer;

/**
 * Runs the utterances of a corpus through an agent, each as the first thing said in a new conversation, the
 * way the car hears it, and measures what the engine answers and how long it takes.
 */
public final class LabTest {

	/** Utterances run before measuring, so that model loading and JIT compilation do not count. */
	static final int WARM_UP = 20;

	private static final String TASK = "recognizing the corpus";

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private LabTest() {
	}

	/**
	 * @param threads how many utterances run at once
	 * @param progress told after each utterance (from the running threads)
	 */
	public static LabReport run(Engine engine, AgentIr agent, Corpus corpus, int threads, Progress progress)
			throws InterruptedException {
		Set<String> intents = agent.intents().stream().map(IntentIr::name).collect(Collectors.toSet());
		Set<String> slots = agent.intents().stream().flatMap(intent -> intent.slots().stream()).map(SlotIr::name)
				.collect(Collectors.toSet());
		SkippedLines skipped = new SkippedLines(corpus.file());
		List<CorpusLine> lines = new ArrayList<>();
		List<CorpusLine> unknown = new ArrayList<>();
		for (CorpusLine line : corpus.lines()) {
			(line.outOfScope() || IntentNames.find(line.intent(), intents) != null ? lines : unknown).add(line);
		}
		Set<String> unknownIntents = unknown.stream().map(CorpusLine::intent).collect(Collectors.toCollection(LinkedHashSet::new));
		String reason = "whose intent the agent does not have: " + unknownIntents.stream().limit(5)
				.collect(Collectors.joining(", ")) + (unknownIntents.size() > 5 ? ", ..." : "");
		unknown.forEach(line -> skipped.skip(line.line(), reason));
		List<String> warnings = new ArrayList<>(corpus.warnings());
		warnings.addAll(skipped.warnings());

		Runner runner = new Runner(engine, agent, intents, slots);
		warmUp(runner, lines);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			progress.report(TASK, 0, lines.size());
			long start = System.nanoTime();
			List<Future<Outcome>> futures = new ArrayList<>();
			for (CorpusLine line : lines) {
				futures.add(pool.submit(() -> runner.run(line)));
			}
			// progress is told on the caller's thread, so that a cancellation it raises reaches the caller as it is
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get());
				progress.report(TASK, outcomes.size(), lines.size());
			}
			return new LabReport(agent.id(), corpus.name(), agent.intents().stream().map(IntentIr::name).toList(),
					agent.classifier().threshold(), outcomes, warnings, System.nanoTime() - start, threads);
		} catch (ExecutionException e) {
			throw new IllegalStateException("the engine failed on an utterance", e.getCause());
		} finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A lab test of the held-back background of unrelated speech ({@link BackgroundLines}): every line is out of
	 * scope for the agent; the report carries its {@link FalseAccepts}.
	 */
	public static LabReport background(Engine engine, AgentIr agent, SentenceEncoders encoders, int threads,
			Progress progress) throws InterruptedException {
		BackgroundLines lines = BackgroundLines.of(agent, encoders, progress);
		LabReport report = run(engine, agent, lines.corpus(), threads, progress);
		return report.withFalseAccepts(FalseAccepts.of(report, lines));
	}

	/**
	 * The lab test an author asks for, alike on the command line, in Studio and in the browser: the corpus's
	 * report carrying the false accepts of the held-back background when {@code background} is set, or the
	 * background's report alone without a corpus; a request that unrelated speech turned down carries the
	 * background's lines nearest to it.
	 *
	 * @param corpus {@code null} to measure the background alone
	 */
	public static LabReport measure(Engine engine, AgentIr agent, Corpus corpus, boolean background,
			SentenceEncoders encoders, int threads, Progress progress) throws InterruptedException {
		if (corpus == null && !background) {
			throw new IllegalArgumentException("a lab test needs a corpus or the background");
		}
		LabReport backgroundReport = background ? background(engine, agent, encoders, threads, progress) : null;
		LabReport report = corpus == null ? backgroundReport
				: run(engine, agent, corpus, threads, progress).withFalseAccepts(
						backgroundReport == null ? null : backgroundReport.falseAccepts());
		return report.withNearestUnrelated(() -> UnrelatedNeighbours.of(agent, encoders, progress));
	}

	/** The first utterances, and the first of each language, so that every encoder is loaded and warm. */
	private static void warmUp(Runner runner, List<CorpusLine> lines) {
		Set<Language> languages = new HashSet<>();
		for (int i = 0; i < lines.size(); i++) {
			if (i < WARM_UP || languages.add(Language.ofText(lines.get(i).text()))) {
				runner.run(lines.get(i));
			}
		}
	}

	/** One utterance through the engine, with what the corpus and the engine say about its slots. */
	private static final class Runner {
		private final Engine engine;
		private final AgentIr agent;
		private final Set<String> intents;
		private final Set<String> slots;

		Runner(Engine engine, AgentIr agent, Set<String> intents, Set<String> slots) {
			this.engine = engine;
			this.agent = agent;
			this.intents = intents;
			this.slots = slots;
		}

		Outcome run(CorpusLine line) {
			Session session = engine.openSession(agent.id());
			long cpuStart = CPU.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			TurnResult turn = session.handle(new InputEvent.Voice(line.text(), line.locale(), 1.0));
			long nanos = System.nanoTime() - start;
			long cpuNanos = CPU.getCurrentThreadCpuTime() - cpuStart;
			Recognition recognition = turn.recognition();
			String expected = line.outOfScope() ? Corpus.OUT_OF_SCOPE : IntentNames.find(line.intent(), intents);
			List<Outcome.SlotValue> expectedSlots = line.slots().stream()
					.map(span -> new Outcome.SlotValue(slotName(span.slot()),
							TextNormalizer.normalize(span.value(line.text()))))
					.toList();
			if (recognition == null) {
				return new Outcome(line, expected, Corpus.OUT_OF_SCOPE, 0, "none", List.of(), expectedSlots, List.of(),
						nanos, cpuNanos, false, null);
			}
			String predicted = recognition.inScope() ? recognition.intent() : Corpus.OUT_OF_SCOPE;
			List<Outcome.SlotValue> found = new ArrayList<>();
			recognition.slots().forEach((slot, value) -> found.add(
					new Outcome.SlotValue(slot, asExpected(predicted, slot, value, expectedSlots))));
			boolean asked = recognition.inScope() && turn.intent() == null && turn.awaiting();
			return new Outcome(line, expected, predicted, recognition.score(), recognition.method(),
					recognition.candidates(), expectedSlots, found, nanos, cpuNanos, asked,
					recognition.inScope() ? null : recognition.rejection());
		}

		private String slotName(String label) {
			String name = IntentNames.find(label, slots);
			return name != null ? name : IntentNames.of(label, Set.of());
		}

		/**
		 * The text of a value the engine found, as the corpus would write it: an entity value by the synonym
		 * the corpus gives, if it gives one of its synonyms; a number without a needless ".0".
		 */
		private String asExpected(String intent, String slot, Object value, List<Outcome.SlotValue> expected) {
			String written = TextNormalizer.normalize(value instanceof Double number && number == Math.rint(number)
					? String.valueOf(number.longValue()) : String.valueOf(value));
			Set<String> forms = new HashSet<>(Set.of(written));
			EntityIr.Value entityValue = entityValue(intent, slot, value);
			if (entityValue != null) {
				entityValue.synonyms().values()
						.forEach(texts -> texts.forEach(text -> forms.add(TextNormalizer.normalize(text))));
			}
			for (Outcome.SlotValue candidate : expected) {
				if (candidate.slot().equals(slot) && forms.contains(candidate.value())) {
					return candidate.value();
				}
			}
			return written;
		}

		private EntityIr.Value entityValue(String intent, String slot, Object value) {
			IntentIr intentIr = agent.intent(intent);
			SlotIr slotIr = intentIr == null ? null : intentIr.slot(slot);
			EntityIr entity = slotIr == null || slotIr.type().entity() == null ? null
					: agent.entity(slotIr.type().entity());
			if (entity == null) {
				return null;
			}
			return entity.values().stream().filter(v -> v.name().equals(value)).findFirst().orElse(null);
		}
	}
}
