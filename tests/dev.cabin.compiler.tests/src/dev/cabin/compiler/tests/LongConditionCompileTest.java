package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.nlu.Progress;

/**
 * Conditions of a thousand terms and more compile like short ones: each chain of {@code or}s or {@code and}s is
 * one node of the IR, the engine answers as the condition says, and the compile cache keeps the agent on disk
 * for the next process, with no partial file left behind. The timeout only guards against a hang.
 */
class LongConditionCompileTest {

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(ints = { 1_000, 20_000 })
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void aLongChainCompilesIsKeptOnDiskAndIsEvaluatedAsWritten(int terms) throws Exception {
		Path source = Files.writeString(folder.resolve("chains.cabin"), agent(terms));
		Path cache = folder.resolve("cache");

		Compilation compiled = service(cache).compile(load(source), Progress.NONE, Cancellation.NEVER);
		Compilation nextProcess = service(cache).compile(load(source), Progress.NONE, Cancellation.NEVER);

		assertFalse(compiled.fromCache());
		assertTrue(nextProcess.fromCache(), "the IR was written to the disk cache");
		assertEquals(List.of(), partialFiles(cache));
		StepIr.Branch branch = (StepIr.Branch) compiled.ir().agents().get(0).flow("Any").steps().get(0);
		assertEquals(terms, ((ExprIr.Or) branch.cases().get(0).condition()).operands().size(), "one node per chain");
		Session session = Engine.load(nextProcess.ir(), OnnxModels.encoders()).openSession();
		assertEquals(List.of("any yes", "all yes"), answers(session, terms - 1));
		assertEquals(List.of("any no", "all yes"), answers(session, terms));
		assertEquals(List.of("any yes", "all no"), answers(session, terms - 2));
	}

	/* "Any" answers whether the speed is one of 0 .. terms-1; "All" whether it is at least each of them. */
	private static String agent(int terms) {
		return """
				agent Chains {
					locales en-US
					intent Go { en-US: "go now", "let's go", "start driving" }
					on voice Go -> flow Any
					on touch "any" -> flow Any
					on touch "all" -> flow All
					flow Any {
						branch {
							when %s { say "any yes" }
							otherwise { say "any no" }
						}
						end
					}
					flow All {
						branch {
							when %s { say "all yes" }
							otherwise { say "all no" }
						}
						end
					}
				}
				""".formatted(chain(terms, " or ", "Vehicle.Speed == "), chain(terms, " and ", "Vehicle.Speed >= "));
	}

	private static String chain(int terms, String operator, String comparison) {
		return IntStream.range(0, terms).mapToObj(i -> comparison + i).collect(Collectors.joining(operator));
	}

	private static List<String> answers(Session session, int speed) {
		session.handle(new InputEvent.Signal("Vehicle.Speed", speed));
		return List.of(session.handle(new InputEvent.Touch("any")).replies().get(0).text(),
				session.handle(new InputEvent.Touch("all")).replies().get(0).text());
	}

	private static CompileService service(Path cache) {
		return new CompileService(CabinSources.standalone(), OnnxModels.encoders(), OnnxModels.files(),
				IrCache.inFolder(cache));
	}

	private static LoadResult load(Path source) {
		LoadResult loaded = CabinSources.standalone().load(List.of(source));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		return loaded;
	}

	private static List<String> partialFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("partial-"))
					.toList();
		}
	}
}
