package dev.cabin.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;

/**
 * The engine's cold start, once per fresh JVM: read the 75 x 100 agent's IR (its trained classifier) while the
 * ONNX model loads, answer the first utterance. The warm-up fork generates the IR if it is missing. After the
 * measurement, 200 more turns run and the process's resident memory (VmRSS) is printed, as a head unit would
 * see it, and the process's CPU time until the first answer, which, unlike the wall time, does not grow when
 * other processes share the cores. The JVM is configured as on a head unit: the serial collector and a 128 MB heap (the default
 * collector would size the heap for a 24 GB desktop), and ONNX Runtime's libraries kept extracted as
 * {@code cabin-car} keeps them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, warmups = 1, jvmArgsAppend = { "-XX:+UseSerialGC", "-Xmx128m" })
public class ColdStartBenchmark {

	private Path ir;
	private Session session;
	private long cpuMillisWhenReady;

	/*
	 * ONNX Runtime's native libraries are kept extracted in a folder, as the car's launcher keeps them; the warm-up
	 * fork extracts them. The model is still inflated from its jar at every start, as on a car.
	 */
	@Setup(Level.Trial)
	public void findTheIr() throws Exception {
		System.setProperty("cabin.onnxruntime.libraries", BenchmarkAgent.IR.resolveSibling("native").toString());
		ir = BenchmarkAgent.irFile();
	}

	@Benchmark
	public TurnResult loadAndAnswer() throws Exception {
		session = Engine.load(ir, OnnxModels.encoders()).openSession();
		TurnResult first = session.handle(new InputEvent.Voice("would you mind turning the fan on"));
		cpuMillisWhenReady = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1_000_000;
		return first;
	}

	@TearDown(Level.Trial)
	public void reportResidentMemory() throws Exception {
		System.out.println("CPU time of the whole process (JVM start, JIT and GC included) until the first answer: "
				+ cpuMillisWhenReady + " ms");
		for (int i = 0; i < 200; i++) {
			session.handle(new InputEvent.Voice(BenchmarkAgent.PARAPHRASES.get(i % BenchmarkAgent.PARAPHRASES.size())));
		}
		String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
				.findFirst().orElse("VmRSS: unknown");
		System.out.println("resident memory after load and 201 turns: " + rss.replaceAll("\\s+", " "));
	}
}
