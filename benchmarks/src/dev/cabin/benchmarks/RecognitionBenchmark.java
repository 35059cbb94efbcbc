package dev.cabin.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.car.Terminal;
import dev.cabin.cli.Main;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.nlu.NluPipeline;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.engine.nlu.softmax.SoftmaxClassifier;

/**
 * Intent recognition of the cockpit agent (75 intents, 7,474 examples, softmax classifier), offline: text
 * normalization, exact and template matches, the utterance's embedding (BGE small, in process) and the
 * classifier. Utterances rotate over benchmarks/corpora/cockpit-utterances.txt (its header says where its lines
 * come from).
 * The agent is compiled with {@code cabin build}, whose cache makes forks after the first fast.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class RecognitionBenchmark {

	private NluPipeline nlu;
	private List<String> utterances;

	/** Each thread's place in the utterances. */
	@State(Scope.Thread)
	public static class Cursor {
		int next;
	}

	@Setup
	public void compileTheCockpit() throws Exception {
		Path root = Path.of(System.getProperty("cabin.repository", "."));
		Path ir = Files.createTempFile("cockpit-", ".json");
		ByteArrayOutputStream messages = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8);
		int exit = new Main(new Terminal(new BufferedReader(new StringReader("")), err, err))
				.run("build", root.resolve("examples/cockpit/cockpit.cabin").toString(), "-o", ir.toString());
		if (exit != 0) {
			throw new IllegalStateException("cabin build failed: " + messages.toString(StandardCharsets.UTF_8));
		}
		AgentIr agent;
		try (InputStream in = Files.newInputStream(ir)) {
			agent = new IrCodec().read(in).agent("Cockpit");
		}
		Files.delete(ir);
		nlu = new NluPipeline(agent, SoftmaxClassifier.FACTORY.create(agent, OnnxModels.encoders()));
		utterances = Files.readAllLines(root.resolve("benchmarks/corpora/cockpit-utterances.txt")).stream()
				.filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
	}

	/** Utterances per second with two threads, as the two cores of the target machine can serve them. */
	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(2)
	public Recognition throughput(Cursor cursor) {
		return recognizeNext(cursor);
	}

	/** The time of one utterance, with percentiles, on one thread. */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Threads(1)
	public Recognition latency(Cursor cursor) {
		return recognizeNext(cursor);
	}

	private Recognition recognizeNext(Cursor cursor) {
		String utterance = utterances.get(cursor.next);
		cursor.next = (cursor.next + 1) % utterances.size();
		return nlu.recognize(utterance);
	}
}
