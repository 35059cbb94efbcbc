package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;
import dev.cabin.testing.Repository;

/** The same sources, profile, version and key give the same bytes, wherever the checkout is. */
class ReproducibleExportTest {

	@TempDir
	Path dir;

	private static byte[] export(Path source, Path profile, SigningKey key, String version) {
		CarExport.Result result = Builds.export(List.of(source), profile, key, version);
		assertTrue(result.succeeded(), result.problems().toString());
		return result.bytes();
	}

	@Test
	void twoExportsOfTheSameInputAreByteIdentical() throws IOException {
		byte[] first = export(Repository.carGenius(), Builds.AURORA, Builds.KEY, "1.0.0");
		Path elsewhere = Files.createDirectories(dir.resolve("another/checkout/car-genius"));
		Path copy = Files.copy(Repository.carGenius(), elsewhere.resolve("car-genius.cabin"));

		byte[] second = export(copy, Builds.AURORA, Builds.KEY, "1.0.0");

		assertArrayEquals(first, second);
	}

	@Test
	void anotherVersionOrKeyChangesTheBytes() {
		byte[] first = export(Repository.carGenius(), Builds.AURORA, Builds.KEY, "1.0.0");

		assertFalse(Arrays.equals(first, export(Repository.carGenius(), Builds.AURORA, Builds.KEY, "1.0.1")));
		assertFalse(Arrays.equals(first, export(Repository.carGenius(), Builds.AURORA, SigningKey.generate(), "1.0.0")));
	}

	@Test
	void theManifestSaysWhatTheBuildNeedsAndHowItWasMade() throws Exception {
		PackageManifest manifest = Builds.verify(Builds.carGenius("1.0.0")).manifest();

		assertEquals("aurora-s-cn", manifest.target().profile());
		assertTrue(manifest.requires().capabilities().contains("microphone"), manifest.requires().toString());
		assertEquals(List.of("en-US", "zh-CN"), manifest.requires().locales());
		assertEquals(List.of("en", "zh"), manifest.models().stream().map(PackageManifest.Model::language).toList());
		assertEquals(List.of("car-genius.cabin"), List.copyOf(manifest.build().sources().keySet()));
		assertEquals(List.of("ir.json"), manifest.entries().stream().map(PackageManifest.Entry::name).toList());
	}
}
