package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.compiler.service.CompileService;
import dev.cabin.compiler.service.IrCache;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.VerifiedPackage;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;
import dev.cabin.testing.Repository;

/** Car builds of the examples, made once per test run with a key of the run. */
final class Builds {

	static final Path AURORA = Repository.file("examples/profiles/aurora-s-cn.yaml");
	static final Path LYNX = Repository.file("examples/profiles/lynx-c-eu.json");
	static final SigningKey KEY = SigningKey.generate();

	private static final Map<String, byte[]> MADE = new HashMap<>();

	private Builds() {
	}

	static CarExport.Result export(List<Path> sources, Path profile, SigningKey key, String version) {
		return new CarExport(compiler())
				.run(new CarExport.Request(sources, List.of(), profile, key, version), task -> {
				});
	}

	/* A new cache each time: a package that is the same twice must be made the same twice, not kept. */
	static CompileService compiler() {
		return new CompileService(CabinSources.standalone(), OnnxModels.encoders(), OnnxModels.files(),
				IrCache.inMemory());
	}

	/** The package of the Car Genius example for the Aurora S, signed with the run's key. */
	static synchronized byte[] carGenius(String version) {
		return MADE.computeIfAbsent(version, v -> {
			CarExport.Result result = export(List.of(Repository.carGenius()), AURORA, KEY, v);
			assertTrue(result.succeeded(), () -> "the example does not export: " + result.problems());
			return result.bytes();
		});
	}

	static VerifiedPackage verify(byte[] bytes) throws PackageRejectedException {
		return new PackageVerifier(KEY.publicKey(), OnnxModels.files()).verify(bytes);
	}

	static byte[] flip(byte[] bytes, int index) {
		byte[] copy = bytes.clone();
		copy[index] ^= 0x01;
		return copy;
	}
}
