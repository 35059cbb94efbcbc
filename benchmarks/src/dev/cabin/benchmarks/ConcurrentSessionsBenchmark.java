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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/**
 * Turns per second of one engine serving 100 sessions at once (100 threads, one session each) on the
 * 75 x 100 agent, every turn through the embedding classifier.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(100)
public class ConcurrentSessionsBenchmark {

	@State(Scope.Benchmark)
	public static class SharedEngine {
		Engine engine;

		@Setup
		public void load() throws Exception {
			engine = Engine.load(BenchmarkAgent.read(), OnnxModels.encoders());
		}
	}

	@State(Scope.Thread)
	public static class OwnSession {
		Session session;
		int next;

		@Setup
		public void open(SharedEngine shared) {
			session = shared.engine.openSession();
		}
	}

	@Benchmark
	public TurnResult voiceTurn(OwnSession own) {
		String utterance = BenchmarkAgent.PARAPHRASES.get(own.next);
		own.next = (own.next + 1) % BenchmarkAgent.PARAPHRASES.size();
		return own.session.handle(new InputEvent.Voice(utterance));
	}
}
