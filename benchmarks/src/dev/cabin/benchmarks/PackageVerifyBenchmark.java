package dev.cabin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.VerifiedPackage;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;

/**
 * Everything a car checks before it loads a build: the zip structure and limits, the Ed25519 signature, every
 * entry's hashes, the engine and IR versions, the model hashes (computed once per run, as a car would), and
 * the decoding of the IR. The package is the example agents' build for the Aurora S profile.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PackageVerifyBenchmark {

	private byte[] pkg;
	private PackageVerifier verifier;

	@Setup
	public void exportTheExamples() throws IOException {
		Path repository = Path.of(System.getProperty("cabin.repository", "."));
		List<Path> sources;
		try (Stream<Path> files = Files.walk(repository.resolve("examples"))) {
			sources = files.filter(p -> p.toString().endsWith(".cabin")).sorted().toList();
		}
		SigningKey key = SigningKey.generate();
		CarExport.Result result = new CarExport(
				new CompileService(CabinSources.standalone(), OnnxModels.encoders(), OnnxModels.files(), IrCache.inMemory())).run(
				new CarExport.Request(sources, List.of(), repository.resolve("examples/profiles/aurora-s-cn.yaml"),
						key, "1.0.0"),
				task -> {
				});
		if (!result.succeeded()) {
			throw new IllegalStateException("the examples do not export: " + result.problems());
		}
		pkg = result.bytes();
		verifier = new PackageVerifier(key.publicKey(), OnnxModels.files());
	}

	@Benchmark
	public VerifiedPackage verify() throws PackageRejectedException {
		return verifier.verify(pkg);
	}
}
