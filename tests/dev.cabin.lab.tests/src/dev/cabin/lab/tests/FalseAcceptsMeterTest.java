package dev.cabin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.lab.FalseAccepts;
import dev.cabin.lab.FalseAcceptsMeter;

/**
 * A replay of an agent's tests measures its false accepts on the held-back background; replayed again with the
 * sources unchanged (the compile service hands out the same IR), the figure is the one measured before, with no
 * background run again; compiled anew, it is measured again.
 */
class FalseAcceptsMeterTest {

	@TempDir
	Path dir;

	@Test
	void theSameCompiledAgentsAreMeasuredOnceAndCompiledAnewAgain() throws Exception {
		Path file = dir.resolve("wipers.cabin");
		Files.writeString(file, """
				agent Wipers {
					locales en-US
					intent StartWipers { en-US: "turn on the wipers", "start the windscreen wipers", "wipers on please" }
					on voice StartWipers -> flow Start
					flow Start { say "Wipers on." }
				}
				""");
		SentenceEncoders encoders = OnnxModels.encoders();
		CabinIr ir = compile(file, encoders);
		List<String> tasks = new ArrayList<>();
		Progress progress = (task, done, total) -> tasks.add(task);

		FalseAccepts first = new FalseAcceptsMeter(ir, encoders, progress).of(agent(ir));
		int firstRun = tasks.size();
		FalseAccepts again = new FalseAcceptsMeter(ir, encoders, progress).of(agent(ir));
		int secondRun = tasks.size() - firstRun;
		CabinIr recompiled = compile(file, encoders);
		FalseAccepts anew = new FalseAcceptsMeter(recompiled, encoders, progress).of(agent(recompiled));

		assertTrue(firstRun > 0, "the first replay runs the background");
		assertEquals(0, secondRun, "the second replay of the same IR runs nothing");
		assertEquals(first, again);
		assertFalse(tasks.size() == firstRun, "another IR of the same sources is measured again");
		assertEquals(first.accepted(), anew.accepted());
		assertEquals(first.lines(), anew.lines());
	}

	private static CabinIr compile(Path file, SentenceEncoders encoders) {
		LoadResult loaded = CabinSources.standalone().load(List.of(file));
		assertFalse(loaded.hasErrors(), loaded.problems()::toString);
		return new CabinCompiler(encoders).compile(loaded.files());
	}

	private static AgentIr agent(CabinIr ir) {
		return ir.agents().get(0);
	}
}
