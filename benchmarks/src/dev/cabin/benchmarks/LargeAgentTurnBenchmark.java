package dev.cabin.benchmarks;

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

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/**
 * A spoken turn without an LLM on the 75-intent x 100-utterance agent: normalization, no exact or template
 * match, the utterance embedded (BGE small, quantized), compared with 7,500 example embeddings, the flow run.
 * The sample-time mode reports the percentiles (p50, p99).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LargeAgentTurnBenchmark {

	private Session session;
	private int next;

	@Setup
	public void loadTheAgent() throws Exception {
		session = Engine.load(BenchmarkAgent.read(), OnnxModels.encoders()).openSession();
	}

	@Benchmark
	public TurnResult voiceTurn() {
		String utterance = BenchmarkAgent.PARAPHRASES.get(next);
		next = (next + 1) % BenchmarkAgent.PARAPHRASES.size();
		return session.handle(new InputEvent.Voice(utterance));
	}
}
