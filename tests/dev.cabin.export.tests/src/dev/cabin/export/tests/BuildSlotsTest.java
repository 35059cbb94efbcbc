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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.export.SigningKey;
import dev.cabin.testing.Repository;

/** A car's A/B slots: what is active after installs, refusals, interruptions and rollbacks. */
class BuildSlotsTest {

	@TempDir
	Path dir;

	private BuildSlots slots;
	private final PackageVerifier verifier = new PackageVerifier(Builds.KEY.publicKey(), OnnxModels.files());

	@BeforeEach
	void installTwoVersions() throws Exception {
		slots = new BuildSlots(dir.resolve("slots"));
		slots.install(file("v1.cabinpkg", Builds.carGenius("1.0.0")), verifier, false);
		slots.install(file("v2.cabinpkg", Builds.carGenius("1.1.0")), verifier, false);
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private String activeVersion() throws Exception {
		return slots.active(verifier).manifest().version();
	}

	/** The active build starts an engine that answers the driver. */
	private void assertActiveBuildRuns(String version) throws Exception {
		assertEquals(version, activeVersion());
		String reply = slots.active(verifier).startEngine(OnnxModels.encoders()).openSession()
				.handle(new InputEvent.Voice("are my tires ok")).replies().get(0).text();
		assertTrue(reply.startsWith("All four tires"), reply);
	}

	@Test
	void anInstallGoesToTheOtherSlotAndKeepsThePreviousBuild() throws Exception {
		assertEquals("b", slots.activeSlot());
		assertActiveBuildRuns("1.1.0");

		BuildSlots.Switch back = slots.rollback(verifier);

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
			assertEquals("1.0.0", slots.rollback(verifier).version(), spoiled.getKey());
			assertEquals("1.1.0", slots.rollback(verifier).version(), spoiled.getKey());
		}
	}

	@Test
	void anInstallKeepsTheBuildItReplacedForRollbackAndDropsTheOneBefore() throws Exception {
		assertEquals(new BuildSlots.Switch("c", "1.2.0", "b", "1.1.0"),
				slots.install(file("v3.cabinpkg", Builds.carGenius("1.2.0")), verifier, false));

		assertEquals(List.of(".lock", "active", "b", "c"), listing(dir.resolve("slots")));
		assertEquals(List.of("build.cabinpkg"), listing(dir.resolve("slots/c")));
		assertEquals("1.1.0", slots.rollback(verifier).version());
	}

	@Test
	void slotsAnEarlierVersionInstalledAreReadAndTheirKeyFilesIgnored() throws Exception {
		// two slots, a pointer of one line, the key each build was verified with beside it
		Files.writeString(dir.resolve("slots/active"), "b\n");
		SigningKey stranger = SigningKey.generate();
		for (String slot : List.of("a", "b")) {
			Files.writeString(dir.resolve("slots/" + slot + "/trusted.pub"), Ed25519Keys.pem(stranger.publicKey()));
		}

		assertActiveBuildRuns("1.1.0");
		assertEquals("1.0.0", slots.rollback(verifier).version());
		assertEquals("1.1.0", slots.rollback(verifier).version());
		assertEquals(new BuildSlots.Switch("c", "1.2.0", "b", "1.1.0"),
				slots.install(file("v3.cabinpkg", Builds.carGenius("1.2.0")), verifier, false));
		assertEquals(List.of(".lock", "active", "b", "c"), listing(dir.resolve("slots")));
	}

	@Test
	void anInterruptedInstallLeavesTheOldBuildActive() throws Exception {
		// the process died after writing part of the new slot and of the pointer, before the rename
		Files.createDirectories(dir.resolve("slots/c"));
		Files.write(dir.resolve("slots/c/build.cabinpkg.part"), new byte[] { 1, 2, 3 });
		Files.writeString(dir.resolve("slots/active.part"), "c\nb\n");

		assertActiveBuildRuns("1.1.0");
		assertEquals("c", slots.install(file("v3.cabinpkg", Builds.carGenius("1.2.0")), verifier, false).slot());
		assertActiveBuildRuns("1.2.0");
		assertEquals(List.of("build.cabinpkg"), listing(dir.resolve("slots/c")));
	}

	/**
	 * A crash (the process killed, the power cut) after any step of an install leaves a build that runs and the
	 * build before it to roll back to: the old pair before the switch, the new pair after it.
	 */
	@ParameterizedTest
	@EnumSource(BuildSlots.Step.class)
	void aCrashAtAnyStepOfAnInstallLeavesAnActiveBuildAndItsRollback(BuildSlots.Step crashAfter) throws Exception {
		Path v3 = file("v3.cabinpkg", Builds.carGenius("1.2.0"));
		BuildSlots crashing = new BuildSlots(dir.resolve("slots"), step -> {
			if (step == crashAfter) {
				throw new Crash();
			}
		});

		assertThrows(Crash.class, () -> crashing.install(v3, verifier, false));

		boolean switched = crashAfter.compareTo(BuildSlots.Step.SWITCHED) >= 0;
		assertActiveBuildRuns(switched ? "1.2.0" : "1.1.0");
		assertEquals(switched ? "1.1.0" : "1.0.0", slots.rollback(verifier).version());
		assertActiveBuildRuns(switched ? "1.1.0" : "1.0.0");
		assertEquals(switched ? "1.2.0" : "1.1.0", slots.rollback(verifier).version());
		assertEquals("1.3.0", slots.install(file("v4.cabinpkg", Builds.carGenius("1.3.0")), verifier, false).version());
		assertEquals(switched ? "1.2.0" : "1.1.0", slots.rollback(verifier).version());
	}

	@ParameterizedTest
	@EnumSource(value = BuildSlots.Step.class, names = { "POINTER_WRITTEN", "SWITCHED" })
	void aCrashDuringARollbackLeavesOneBuildActiveAndTheOtherToReturnTo(BuildSlots.Step crashAfter) throws Exception {
		BuildSlots crashing = new BuildSlots(dir.resolve("slots"), step -> {
			if (step == crashAfter) {
				throw new Crash();
			}
		});

		assertThrows(Crash.class, () -> crashing.rollback(verifier));

		boolean switched = crashAfter == BuildSlots.Step.SWITCHED;
		assertActiveBuildRuns(switched ? "1.0.0" : "1.1.0");
		assertEquals(switched ? "1.1.0" : "1.0.0", slots.rollback(verifier).version());
	}

	/* What the process sees of a crash: nothing after it runs. */
	private static final class Crash extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

	@Test
	void aBuildSwappedIntoTheSlotsWithItsOwnKeyDoesNotRun() throws Exception {
		SigningKey intruder = SigningKey.generate();
		byte[] foreign = Builds.export(List.of(Repository.carGenius()), Builds.AURORA, intruder, "6.6.6").bytes();
		Files.write(dir.resolve("slots/b/build.cabinpkg"), foreign);
		Files.writeString(dir.resolve("slots/b/trusted.pub"), Ed25519Keys.pem(intruder.publicKey()));

		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> slots.active(verifier));

		assertTrue(refused.getMessage().contains("the active build (slot b) does not verify: the package is signed by"
				+ " key " + intruder.id() + ", but this car trusts key " + Builds.KEY.id()), refused.getMessage());
		assertEquals("1.0.0", slots.rollback(verifier).version());
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

		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> slots.active(verifier));

		assertTrue(refused.getMessage().contains("the active build (slot b) does not verify"), refused.getMessage());
		assertTrue(refused.getMessage().contains("cabin rollback"), refused.getMessage());
		assertEquals("1.0.0", slots.rollback(verifier).version());
	}

	@Test
	void aRollbackToADamagedBuildIsRefused() throws Exception {
		Path previous = dir.resolve("slots/a/build.cabinpkg");
		Files.write(previous, Builds.flip(Files.readAllBytes(previous), 300));

		PackageRejectedException refused = assertThrows(PackageRejectedException.class, () -> slots.rollback(verifier));

		assertTrue(refused.getMessage().contains("the previous build (slot a) does not verify"), refused.getMessage());
		assertActiveBuildRuns("1.1.0");
	}

	@Test
	void aRollbackWithoutAPreviousBuildIsRefused() throws Exception {
		BuildSlots fresh = new BuildSlots(dir.resolve("fresh"));
		assertTrue(assertThrows(PackageRejectedException.class, () -> fresh.rollback(verifier)).getMessage()
				.contains("no build slots"));
		fresh.install(file("only.cabinpkg", Builds.carGenius("1.0.0")), verifier, false);

		assertTrue(assertThrows(PackageRejectedException.class, () -> fresh.rollback(verifier)).getMessage()
				.contains("no previous build"));
		assertEquals("1.0.0", fresh.active(verifier).manifest().version());
	}

	@Test
	void aPointerThatNamesNoSlotIsRefused() throws Exception {
		Files.writeString(dir.resolve("slots/active"), "../../etc\n");

		assertTrue(assertThrows(PackageRejectedException.class, () -> slots.active(verifier)).getMessage()
				.contains("names no slot"));
	}

	@Test
	void nothingInstalledIsSaid() throws Exception {
		BuildSlots empty = new BuildSlots(dir.resolve("empty"));

		assertNull(empty.activeSlot());
		assertTrue(assertThrows(PackageRejectedException.class, () -> empty.active(verifier)).getMessage()
				.contains("nothing is installed"));
	}
}
