package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.testing.Repository;

/** The test agents of this bundle, compiled once with the real encoders. */
final class TestAgents {

	static final Path COMFORT = Repository.file("tests/dev.cabin.compiler.tests/agents/comfort.cabin");

	private static CabinIr comfort;

	private TestAgents() {
	}

	static synchronized CabinIr comfort() {
		if (comfort == null) {
			comfort = compile(COMFORT);
		}
		return comfort;
	}

	static CabinIr compile(Path file) {
		LoadResult loaded = CabinSources.standalone().load(List.of(file));
		assertFalse(loaded.hasErrors(), () -> "the test agent has errors: " + loaded.problems());
		return new CabinCompiler(OnnxModels.encoders()).compile(loaded.files());
	}
}
