package dev.cabin.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;

/** A car's A/B slots: what is active after installs, refusals, interruptions and rollbacks. */
class BuildSlotsTest {

	@TempDir
	Path dir;

	private BuildSlots slots;
	private final PackageVerifier verifier = new PackageVerifier(Builds.KEY.publicKey(), OnnxModels.files());

	@BeforeEach
	void installTwoVersions() throws Exception {
		slots = new BuildSlots(dir.resolve("slots"), OnnxModels.files());
		slots.install(file("v1.cabinpkg", Builds.carGenius("1.0.0")), verifier, false);
		slots.install(file("v2.cabinpkg", Builds.carGenius("1.1.0")), verifier, false);
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private String activeVersion() throws Exception {
		return slots.active(null).manifest().version();
	}

	/** The active build starts an engine that answers the driver. */
	private void assertActiveBuildRuns(String version) throws Exception {
		assertEquals(version, activeVersion());
		String reply = slots.active(Builds.KEY.publicKey()).startEngine(OnnxModels.encoders()).openSession()
				.handle(new InputEvent.Voice("are my tires ok")).replies().get(0).text();
		assertTrue(reply.startsWith("All four tires"), reply);
	}

	@Test
	void anInstallGoesToTheOtherSlotAndKeepsThePreviousBuild() throws Exception {
		assertEquals("b", slots.activeSlot());
		assertActiveBuildRuns("1.1.0");

		BuildSlots.Switch back = slots.rollback();

		assertEquals(new BuildSlots.Switch("a", "1.0.0", "b", "1.1.0"), back);
		assertActiveBuildRuns("1.0.0");
	}

	@Test
	void aDowngradeIsRefusedUnlessAllowed() throws Exception {
		Path older = file("old.cabinpkg", Builds.carGenius("0.9.0"));

		PackageRejectedException refused = assertThrows(PackageRejectedException.class,
				() -> slots.install(older, verifier, false));

		assertTrue(refused.getMessage().contains("version 0.9.0 is older than the active build 1.1.0"),
				refused.getMessage());
		assertActiveBuildRuns("1.1.0");
		assertEquals("0.9.0", slots.install(older, verifier, true).version());
	}

	@Test
	void everyRefusedInstallLeavesThePreviousBuildRunning() throws Exception {
		Map<String, byte[]> bad = new LinkedHashMap<>(BadPackages.all(Builds.carGenius("2.0.0")));
		bad.put("an older version", Builds.carGenius("0.9.0"));
		bad.put("not a package", "hello".getBytes());
		int attempt = 0;
		for (Map.Entry<String, byte[]> spoiled : bad.entrySet()) {
			Path file = file("bad-" + attempt++ + ".cabinpkg", spoiled.getValue());
			assertThrows(PackageRejectedException.class, () -> slots.install(file, verifier, false), spoiled::getKey);
			assertActiveBuildRuns("1.1.0");
			assertEquals("1.0.0", slots.rollback().version(), spoiled.getKey());
			assertEquals("1.1.0", slots.rollback().version(), spoiled.getKey());
		}
	}

	@Test
	void anInterruptedInstallLeavesTheOldBuildActive() throws Exception {
		// the process died after writing part of the new slot and of the pointer, before the rename
		Files.write(dir.resolve("slots/a/build.cabinpkg.part"), new byte[] { 1, 2, 3 });
		Files.writeString(dir.resolve("slots/active.part"), "a\n");

		assertActiveBuildRuns("1.1.0");
		assertEquals("a", slots.install(file("v3.cabinpkg", Builds.carGenius("1.2.0")), verifier, false).slot());
		assertActiveBuildRuns("1.2.0");
		assertEquals(List.of("build.cabinpkg", "trusted.pub"), listing(dir.resolve("slots/a")));
	}

	private static List<String> listing(Path directory) throws IOException {
		try (var files = Files.list(directory)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void aDamagedActiveBuildIsNotRun() throws Exception {
		Path active = dir.resolve("slots/b/build.cabinpkg");
		Files.write(active, Builds.flip(Files.readAllBytes(active), 200));

		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> slots.active(null));

		assertTrue(refused.getMessage().contains("the active build (slot b) does not verify"), refused.getMessage());
		assertTrue(refused.getMessage().contains("cabin rollback"), refused.getMessage());
		assertEquals("1.0.0", slots.rollback().version());
	}

	@Test
	void aRollbackToADamagedBuildIsRefused() throws Exception {
		Path previous = dir.resolve("slots/a/build.cabinpkg");
		Files.write(previous, Builds.flip(Files.readAllBytes(previous), 300));

		PackageRejectedException refused = assertThrows(PackageRejectedException.class, slots::rollback);

		assertTrue(refused.getMessage().contains("the previous build (slot a) does not verify"), refused.getMessage());
		assertActiveBuildRuns("1.1.0");
	}

	@Test
	void aRollbackWithoutAPreviousBuildIsRefused() throws Exception {
		BuildSlots fresh = new BuildSlots(dir.resolve("fresh"), OnnxModels.files());
		assertTrue(assertThrows(PackageRejectedException.class, fresh::rollback).getMessage().contains("no build slots"));
		fresh.install(file("only.cabinpkg", Builds.carGenius("1.0.0")), verifier, false);

		assertTrue(assertThrows(PackageRejectedException.class, fresh::rollback).getMessage()
				.contains("no previous build"));
		assertEquals("1.0.0", fresh.active(null).manifest().version());
	}

	@Test
	void aPointerThatNamesNoSlotIsRefused() throws Exception {
		Files.writeString(dir.resolve("slots/active"), "../../etc\n");

		assertTrue(assertThrows(PackageRejectedException.class, () -> slots.active(null)).getMessage()
				.contains("names no slot"));
	}

	@Test
	void nothingInstalledIsSaid() throws Exception {
		BuildSlots empty = new BuildSlots(dir.resolve("empty"), OnnxModels.files());

		assertNull(empty.activeSlot());
		assertTrue(assertThrows(PackageRejectedException.class, () -> empty.active(null)).getMessage()
				.contains("nothing is installed"));
	}
}
