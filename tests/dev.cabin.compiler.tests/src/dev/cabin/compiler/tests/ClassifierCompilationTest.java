package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.OutOfScopeExamples;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;

/** Every agent gets a trained intent classifier, taught also by the out-of-scope examples beside its source. */
class ClassifierCompilationTest {

	private static final String AGENT = """
			agent Garage {
				locales en-US
				%s
				intent TirePressure {
					en-US: "what's my tire pressure", "check the tire pressure", "do my tires need air",
					       "is the pressure in my tyres okay", "how much air is in the tires"
				}
				intent FuelLevel {
					en-US: "how much gas is left", "what's my fuel level", "do I need to fill up",
					       "how far can I drive on this tank", "is the tank almost empty"
				}
				on voice TirePressure -> flow Tires
				on voice FuelLevel -> flow Fuel
				flow Tires { say "The tires are fine." end }
				flow Fuel { say "The tank is half full." end }
			}
			""";

	@TempDir
	Path folder;

	@Test
	void theOutOfScopeExamplesBesideTheSourceTrainTheClassifier() throws Exception {
		Path source = write("garage.cabin", AGENT.formatted(""));
		Files.writeString(folder.resolve("garage.out-of-scope.txt"), """
				# what the garage agent does not do
				play some jazz
				tell me a joke

				what's the weather tomorrow
				put on my favourite playlist
				""", StandardCharsets.UTF_8);

		CabinIr ir = compile(source, Progress.NONE);

		AgentIr agent = ir.agent("Garage");
		assertEquals(SoftmaxClassifier.KIND, agent.classifier().kind());
		Map<?, ?> english = (Map<?, ?>) agent.classifier().parameters().get("en");
		assertFalse(english.containsKey("outOfScope"), "the examples are training data, which a car never reads");
		Files.delete(folder.resolve("garage.out-of-scope.txt"));
		Map<?, ?> withoutThem = (Map<?, ?>) compile(source, Progress.NONE).agent("Garage").classifier().parameters()
				.get("en");
		assertNotEquals(withoutThem.get("weights"), english.get("weights"));
		TurnResult turn = Engine.load(ir, OnnxModels.encoders()).openSession()
				.handle(new InputEvent.Voice("play me some music"));
		assertTrue(turn.fallback(), () -> "recognized as " + turn.recognition());
	}

	@Test
	void theOutOfScopeFileIsNamedAfterTheSource() {
		assertEquals(Path.of("examples/cockpit/cockpit.out-of-scope.txt"),
				OutOfScopeExamples.fileFor(Path.of("examples/cockpit/cockpit.cabin")));
	}

	@Test
	void outOfScopeExamplesThatAreNotUtf8StopTheCompilationAtTheBadByte() throws Exception {
		Path source = write("garage.cabin", AGENT.formatted(""));
		Files.write(folder.resolve("garage.out-of-scope.txt"), new byte[] { 'o', 'k', '\n', (byte) 0xC3, '(' });

		CompileException error = assertThrows(CompileException.class, () -> compile(source, Progress.NONE));

		assertEquals(folder.resolve("garage.out-of-scope.txt") + ":2:1: the out-of-scope examples are not UTF-8 text",
				error.getMessage());
	}

	@Test
	void theAuthorsConfidenceIsTheOutOfScopeThreshold() throws Exception {
		Path source = write("garage.cabin", AGENT.formatted("defaults { confidence 0.9 }"));

		AgentIr agent = compile(source, Progress.NONE).agent("Garage");

		assertEquals(0.9, agent.classifier().threshold());
		assertEquals(0.9, ((Map<?, ?>) agent.classifier().parameters().get("en")).get("threshold"));
	}

	@Test
	void compilingTellsHowFarItIs() throws Exception {
		Path source = write("garage.cabin", AGENT.formatted(""));
		Map<String, Integer> reached = new ConcurrentHashMap<>();
		Map<String, Integer> totals = new ConcurrentHashMap<>();

		compile(source, (task, done, total) -> {
			reached.merge(task, done, Math::max);
			totals.put(task, total);
		});

		assertEquals(10, reached.get("embedding the examples of Garage"));
		assertEquals(10, totals.get("embedding the examples of Garage"));
		assertEquals(totals.get("training the intent classifier"), reached.get("training the intent classifier"));
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
	}

	private static CabinIr compile(Path source, Progress progress) {
		LoadResult loaded = CabinSources.standalone().load(List.of(source));
		assertFalse(loaded.hasErrors(), () -> "the agent has errors: " + loaded.problems());
		return new CabinCompiler(OnnxModels.encoders(), progress).compile(loaded.files());
	}
}
