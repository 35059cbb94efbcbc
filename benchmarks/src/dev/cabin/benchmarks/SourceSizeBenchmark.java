package dev.cabin.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.Problem;

/**
 * What {@code cabin check} costs as a file grows: one file of {@code megabytes} MB of generated agents (each
 * 100 intents x 20 examples and 20 flows, about 190 KB, under its own name), parsed, linked and validated in a
 * 2 GB heap. Near-linear cost shows as time per megabyte that stays flat from 1 to 50 MB. One shot per
 * size: a 50 MB check takes tens of seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xss4m", "-Xmx2g" })
public class SourceSizeBenchmark {

	@Param({ "1", "5", "10", "50" })
	public int megabytes;

	private String text;

	@Setup(Level.Trial)
	public void generate() {
		int bytesPerAgent = GeneratedAgent.text("Generated0", 100, 20, 20).getBytes(StandardCharsets.UTF_8).length;
		StringBuilder agents = new StringBuilder();
		for (int agent = 0; (long) agent * bytesPerAgent < megabytes * 1_000_000L; agent++) {
			agents.append(GeneratedAgent.text("Generated" + agent, 100, 20, 20));
		}
		text = agents.toString();
	}

	@Benchmark
	public List<Problem> check() {
		List<Problem> problems = CabinSources.standalone().check(Path.of("generated.cabin"), text);
		if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
			throw new IllegalStateException("the generated agents have errors: " + problems.get(0).format());
		}
		return problems;
	}
}
