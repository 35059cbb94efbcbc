package dev.cabin.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/**
 * One spoken turn of the car-genius example without an LLM: normalization, embedding of the utterance,
 * nearest examples, the flow. Utterances rotate over paraphrases that are not examples, in both languages.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineTurnBenchmark {

	private static final List<String> UTTERANCES = List.of("are my tires ok", "when do I need new oil",
			"there is a red light on the dash", "the battery seems flat", "book a table for two", "电瓶好像没电了",
			"胎压有问题吗");

	private Session session;
	private int next;

	@Setup
	public void compileTheExample() throws Exception {
		Path example = Path.of(System.getProperty("cabin.repository", "."), "examples/car-genius/car-genius.cabin");
		LoadResult loaded = CabinSources.standalone().load(List.of(example));
		if (loaded.hasErrors()) {
			throw new IllegalStateException("the example has errors: " + loaded.problems());
		}
		session = Engine.load(new CabinCompiler(OnnxModels.encoders()).compile(loaded.files()),
				OnnxModels.encoders()).openSession();
	}

	@Benchmark
	public TurnResult voiceTurn() {
		String utterance = UTTERANCES.get(next);
		next = (next + 1) % UTTERANCES.size();
		return session.handle(new InputEvent.Voice(utterance));
	}
}
