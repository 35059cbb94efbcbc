package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.compiler.service.FalseAcceptWarnings;
import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.DefaultsIr;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;

/** The compile stage warns, at the agent, when its classifier accepts too much of the background. */
class FalseAcceptWarningsTest {

	@TempDir
	Path dir;

	@Test
	void anAgentOverTheBoundIsWarnedAboutWithItsCodeAndPlace() throws IOException {
		LoadResult loaded = load();

		List<Problem> over = FalseAcceptWarnings.of(loaded.files(), compiled(6, 200));
		List<Problem> under = FalseAcceptWarnings.of(loaded.files(), compiled(1, 200));

		assertEquals(1, over.size(), over.toString());
		Problem warning = over.get(0);
		assertEquals(FalseAcceptWarnings.CODE, warning.code());
		assertEquals(Problem.Severity.WARNING, warning.severity());
		assertEquals(2, warning.line(), "at the agent: " + warning.format());
		assertTrue(warning.format().endsWith("[falseAccepts]"), warning.format());
		assertTrue(warning.message().contains("3.0% of unrelated en requests for its intents (6 of 200 calibration lines"),
				warning.message());
		assertTrue(under.isEmpty(), "0.5% is under the bound: " + under);
	}

	private LoadResult load() throws IOException {
		Path source = dir.resolve("garage.cabin");
		Files.writeString(source, """
				// a garage
				agent Garage {
					locales en-US
					intent TirePressure { en-US: "what's my tire pressure", "check the tire pressure" }
				}
				""");
		LoadResult loaded = CabinSources.standalone().load(List.of(source));
		assertFalse(loaded.hasErrors(), loaded.problems().toString());
		return loaded;
	}

	/** An IR of the agent whose classifier accepted some of the background's calibration lines. */
	private static CabinIr compiled(int accepted, int lines) {
		ClassifierIr classifier = new ClassifierIr(SoftmaxClassifier.KIND, 0.5, Map.of("en",
				Map.of(SoftmaxTraining.CALIBRATION_KEY, Map.of("lines", lines, "accepted", accepted))));
		AgentIr agent = new AgentIr("Garage", "Garage", List.of("en-US"), Map.of(), List.of(), DefaultsIr.NONE,
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), classifier, List.of());
		return new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(agent));
	}
}
