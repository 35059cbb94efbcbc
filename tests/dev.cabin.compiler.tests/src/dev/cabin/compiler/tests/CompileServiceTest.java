package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SentenceModelFiles;
import dev.cabin.testing.Repository;

/**
 * The compile service compiles sources once: the same sources again come from its cache, without embedding or
 * training, and a change to anything the IR depends on compiles again; a cancelled compile keeps nothing.
 */
class CompileServiceTest {

	private static final String TRAINING = "training the intent classifier";

	private static final String GARAGE = """
			import "shared.cabin"
			agent Garage {
				locales en-US
				intent Lights {
					en-US: "turn on the headlights", "lights on please", "it is getting dark"
				}
				intent Wipers {
					en-US: "start the wipers", "it is raining", "clear the windshield"
				}
				on voice Lights -> flow HeadLights
				on voice Wipers -> flow Wiping
				flow HeadLights { say "Headlights on." end }
				flow Wiping { say "Wipers on." end }
			}
			""";

	@TempDir
	Path folder;

	private final WordBuckets encoder = new WordBuckets();
	private final SentenceEncoders encoders = new SentenceEncoders(language -> encoder);
	/* The test model has no files; its fingerprint stands for them in the cache key. */
	private final SentenceModelFiles modelFiles = modelId -> new SentenceModelFiles.Fingerprint(modelId, 0);
	private final CompileService service = new CompileService(CabinSources.standalone(), encoders, modelFiles,
			IrCache.inMemory());

	@Test
	void theCockpitAgentCompiledAgainComesFromTheCacheWithoutEmbeddingOrTraining() {
		Path cockpit = Repository.file("examples/cockpit/cockpit.cabin");
		Set<String> firstTasks = ConcurrentHashMap.newKeySet();
		Compilation first = service.compile(loaded(List.of(cockpit)), (task, done, total) -> firstTasks.add(task),
				Cancellation.NEVER);
		int embedded = encoder.calls.get();
		Set<String> secondTasks = ConcurrentHashMap.newKeySet();
		Compilation second = service.compile(loaded(List.of(cockpit)), (task, done, total) -> secondTasks.add(task),
				Cancellation.NEVER);

		assertFalse(first.fromCache());
		assertTrue(firstTasks.contains(TRAINING), firstTasks.toString());
		assertTrue(embedded > 7_000, embedded + " examples embedded");
		assertTrue(second.fromCache());
		assertEquals(Set.of(), secondTasks, "nothing embedded or trained");
		assertEquals(embedded, encoder.calls.get(), "the encoder was not called again");
		assertEquals(first.ir().agents().get(0).classifier(), second.ir().agents().get(0).classifier());
	}

	@Test
	void aChangeToASourceWhatItImportsItsOutOfScopeExamplesOrTheProjectFileCompilesAgain() throws IOException {
		Path source = Files.writeString(folder.resolve("garage.cabin"), GARAGE);
		Path imported = Files.writeString(folder.resolve("shared.cabin"),
				"tool radio.mute() \"Mutes the radio\" -> handler \"radio.mute\"\n");
		Path outOfScope = Files.writeString(folder.resolve("garage.out-of-scope.txt"), "what's the capital of chile\n");
		Path project = Files.writeString(folder.resolve("cabin.yaml"), "# the default catalogue\n");
		assertFalse(compile(source).fromCache());
		assertTrue(compile(source).fromCache());

		Files.writeString(source, GARAGE.replace("Headlights on.", "Headlights on, low beam."));
		assertFalse(compile(source).fromCache(), "a changed source");
		Files.writeString(imported, "tool radio.mute() \"Mutes the radio at once\" -> handler \"radio.mute\"\n");
		assertFalse(compile(source).fromCache(), "a changed import");
		Files.writeString(outOfScope, "what's the capital of chile\nbook me a table\n");
		assertFalse(compile(source).fromCache(), "changed out-of-scope examples");
		Files.writeString(project, "# the default catalogue, still\n");
		assertFalse(compile(source).fromCache(), "a changed project file");
		assertTrue(compile(source).fromCache());
	}

	@Test
	void anEditorsUnsavedTextIsCompiledAsItIsAndAgainOnlyWhenItChanges() throws IOException {
		Path source = Files.writeString(folder.resolve("garage.cabin"), GARAGE);
		Files.writeString(folder.resolve("shared.cabin"), "tool radio.mute() \"Mutes the radio\" -> handler \"radio.mute\"\n");
		String edited = GARAGE.replace("\"clear the windshield\"", "\"clear the windshield\", \"I cannot see the road\"");
		assertFalse(compile(source).fromCache());

		Compilation unsaved = service.compile(service.load(source, edited), Progress.NONE, Cancellation.NEVER);
		Compilation again = service.compile(service.load(source, edited), Progress.NONE, Cancellation.NEVER);

		assertFalse(unsaved.fromCache(), "the editor's text differs from the file's");
		assertEquals(7, unsaved.ir().agents().get(0).intents().stream().mapToInt(i -> i.examples().size()).sum());
		assertTrue(again.fromCache());
		assertTrue(service.compile(service.load(source, GARAGE), Progress.NONE, Cancellation.NEVER).fromCache(),
				"the editor's text is the file's");
	}

	@Test
	void twoCompilesOfTheSameSourcesAtOnceEmbedAndTrainOnlyOnce() throws Exception {
		Path source = Files.writeString(folder.resolve("garage.cabin"), GARAGE);
		Files.writeString(folder.resolve("shared.cabin"), "tool radio.mute() \"Mutes the radio\" -> handler \"radio.mute\"\n");
		CountDownLatch firstCompiles = new CountDownLatch(1);
		CountDownLatch secondWaits = new CountDownLatch(1);
		Progress firstHoldsUntilTheSecondWaits = (task, done, total) -> {
			firstCompiles.countDown();
			await(secondWaits);
		};
		Set<String> secondTasks = ConcurrentHashMap.newKeySet();
		Progress second = (task, done, total) -> {
			secondTasks.add(task);
			secondWaits.countDown();
		};
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<Compilation> firstRun = threads.submit(
					() -> service.compile(loaded(List.of(source)), firstHoldsUntilTheSecondWaits, Cancellation.NEVER));
			await(firstCompiles);
			Future<Compilation> secondRun = threads
					.submit(() -> service.compile(loaded(List.of(source)), second, Cancellation.NEVER));

			assertFalse(firstRun.get(60, TimeUnit.SECONDS).fromCache());
			assertTrue(secondRun.get(60, TimeUnit.SECONDS).fromCache(), "the second got the first's IR");
		} finally {
			threads.shutdownNow();
		}
		assertEquals(Set.of(CompileService.WAITING), secondTasks, "it waited, and embedded and trained nothing");
		WordBuckets alone = new WordBuckets();
		new CompileService(CabinSources.standalone(), new SentenceEncoders(language -> alone), modelFiles,
				IrCache.inMemory()).compile(loaded(List.of(source)), Progress.NONE, Cancellation.NEVER);
		assertEquals(alone.calls.get(), encoder.calls.get(), "embedded as often as by one compile alone");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertTrue(latch.await(30, TimeUnit.SECONDS), "the other compile never came");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aCancelledCompileStopsAndKeepsNothingInMemoryOrOnDisk() throws IOException {
		Path cache = folder.resolve("cache");
		CompileService cached = new CompileService(CabinSources.standalone(), encoders, modelFiles, IrCache.inFolder(cache));
		LoadResult cockpit = loaded(List.of(Repository.file("examples/cockpit/cockpit.cabin")));
		AtomicBoolean cancelled = new AtomicBoolean();
		Progress cancelAfterHundredExamples = (task, done, total) -> cancelled.compareAndSet(false, done >= 100);

		assertThrows(CancellationException.class,
				() -> cached.compile(cockpit, cancelAfterHundredExamples, cancelled::get));

		assertTrue(encoder.calls.get() < 1_000, "stopped while embedding, after " + encoder.calls.get() + " examples");
		assertEquals(List.of(), files(cache), "nothing on disk");
		assertFalse(cached.compile(cockpit, Progress.NONE, () -> false).fromCache(), "nothing in memory");
	}

	@Test
	void theDiskCacheServesTheNextProcessAndKeepsNoPartialFiles() throws IOException {
		Path cache = Files.createDirectories(folder.resolve("cache"));
		Path abandoned = Files.writeString(cache.resolve("partial-123.json"), "{\"formatVers");
		Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
		Path source = Files.writeString(folder.resolve("garage.cabin"), GARAGE);
		Files.writeString(folder.resolve("shared.cabin"), "tool radio.mute() \"Mutes the radio\" -> handler \"radio.mute\"\n");
		CompileService thisRun = new CompileService(CabinSources.standalone(), encoders, modelFiles, IrCache.inFolder(cache));
		assertFalse(thisRun.compile(loaded(List.of(source)), Progress.NONE, Cancellation.NEVER).fromCache());
		int embedded = encoder.calls.get();

		CompileService nextRun = new CompileService(CabinSources.standalone(), encoders, modelFiles, IrCache.inFolder(cache));
		Compilation fromDisk = nextRun.compile(loaded(List.of(source)), Progress.NONE, Cancellation.NEVER);

		assertTrue(fromDisk.fromCache());
		assertEquals(embedded, encoder.calls.get());
		List<String> names = files(cache);
		assertEquals(1, names.size(), names.toString());
		assertTrue(names.get(0).startsWith("ir-") && names.get(0).endsWith(".json"), names.toString());
	}

	private Compilation compile(Path source) {
		return service.compile(loaded(List.of(source)), Progress.NONE, Cancellation.NEVER);
	}

	private LoadResult loaded(List<Path> files) {
		LoadResult loaded = service.load(files);
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		return loaded;
	}

	private static List<String> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	/** Embeds by hashing words into a few dimensions: quick and deterministic; counts the sentences it embeds. */
	private static final class WordBuckets implements SentenceEncoder {
		private static final int DIMENSION = 32;
		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String modelId() {
			return "word-buckets-32";
		}

		@Override
		public int dimension() {
			return DIMENSION;
		}

		@Override
		public float[] encode(String sentence) {
			calls.incrementAndGet();
			float[] vector = new float[DIMENSION];
			for (String word : sentence.split("\\s+")) {
				vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
			}
			double norm = 0;
			for (float value : vector) {
				norm += value * value;
			}
			for (int i = 0; i < DIMENSION; i++) {
				vector[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (vector[i] / Math.sqrt(norm));
			}
			return vector;
		}
	}
}
