package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

/** The car-build commands as a user runs them: keygen, export, verify, install, run, rollback. */
class CarBuildCommandsTest {

	private static final String AURORA = Repository.file("examples/profiles/aurora-s-cn.yaml").toString();
	private static final String LYNX = Repository.file("examples/profiles/lynx-c-eu.json").toString();
	private static final String AGENTS = Repository.file("examples/car-genius").toString();
	private static final String SCRIPT = Repository.file("examples/car-genius/conversation.jsonl").toString();

	@TempDir
	static Path keys;
	private static String key;
	private static String publicKey;

	@TempDir
	Path dir;

	@BeforeAll
	static void makeAKey() {
		key = keys.resolve("signing/key").toString();
		CabinCommand keygen = CabinCommand.run("keygen", "-o", key);
		assertEquals(0, keygen.exitCode, keygen.toString());
		publicKey = key + ".pub";
	}

	private String export(String version, String... more) {
		String out = dir.resolve("build-" + version + ".cabinpkg").toString();
		List<String> args = new java.util.ArrayList<>(List.of("export", AGENTS, "--profile", AURORA, "--key", key,
				"-o", out, "--version", version));
		args.addAll(List.of(more));
		CabinCommand export = CabinCommand.run(args.toArray(String[]::new));
		assertEquals(0, export.exitCode, export.toString());
		return out;
	}

	@Test
	void keygenWritesAnOwnerOnlyPrivateKeyAndThePublicKeyBesideIt() throws IOException {
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(key))));
		assertTrue(Files.readString(Path.of(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----"));
		assertFalse(Files.readString(Path.of(publicKey)).contains("PRIVATE"));
	}

	@Test
	void keygenNeverOverwritesAKey() throws IOException {
		String before = Files.readString(Path.of(key));

		CabinCommand again = CabinCommand.run("keygen", "-o", key);

		assertEquals(1, again.exitCode, again.toString());
		assertTrue(again.err.contains("exists; cabin keygen never overwrites a key"), again.err);
		assertEquals(before, Files.readString(Path.of(key)));
	}

	@Test
	void exportVerifyInstallRunRefuseATamperedBuildAndRollBack() throws IOException {
		Path slots = dir.resolve("car/slots");
		String v1 = export("1.0.0");
		CabinCommand verify = CabinCommand.run("verify", v1, "--trust", publicKey);
		assertEquals(0, verify.exitCode, verify.toString());
		assertTrue(verify.out.startsWith(v1 + ": valid: version 1.0.0, agents "), verify.out);
		assertTrue(verify.out.contains("CarGenius"), verify.out);

		CabinCommand install = CabinCommand.run("install", v1, "--trust", publicKey, "--slots", slots.toString());
		assertEquals(0, install.exitCode, install.toString());
		assertEquals("installed version 1.0.0 in slot a (active)\n", install.out);

		CabinCommand run = CabinCommand.run("run", "--slots", slots.toString(), "--trust", publicKey, "--agent", "CarGenius", "--script", SCRIPT);
		assertEquals(0, run.exitCode, run.toString());
		List<String> replies = run.out.lines().toList();
		assertEquals(4, replies.size(), run.out);
		assertTrue(replies.get(0).contains("\"text\":\"All four tires are between 230 and 240 kPa"), replies.get(0));
		assertTrue(replies.get(2).contains("先用红线连接两车正极"), replies.get(2));
		assertTrue(replies.get(3).contains("\"type\":\"fallback\""), replies.get(3));
		assertTrue(run.err.contains("running slot a of " + slots + ": version 1.0.0"), run.err);

		install = CabinCommand.run("install", export("1.1.0"), "--trust", publicKey, "--slots", slots.toString());
		assertEquals("installed version 1.1.0 in slot b (active); version 1.0.0 stays in slot a for cabin rollback\n",
				install.out);

		Path tampered = Path.of(export("1.2.0"));
		byte[] bytes = Files.readAllBytes(tampered);
		bytes[bytes.length / 2] ^= 0x20;
		Files.write(tampered, bytes);
		CabinCommand refused = CabinCommand.run("install", tampered.toString(), "--trust", publicKey, "--slots",
				slots.toString());
		assertEquals(1, refused.exitCode, refused.toString());
		assertTrue(refused.err.contains(tampered + " refused: "), refused.err);
		assertTrue(refused.err.contains("slot b (version 1.1.0) is still active"), refused.err);
		assertFalse(refused.printedAStackTrace(), refused.toString());
		run = CabinCommand.run("run", "--slots", slots.toString(), "--trust", publicKey, "--agent", "CarGenius", "--script", SCRIPT);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.err.contains("version 1.1.0"), run.err);

		CabinCommand rollback = CabinCommand.run("rollback", "--slots", slots.toString(), "--trust", publicKey);
		assertEquals(0, rollback.exitCode, rollback.toString());
		assertEquals("rolled back to version 1.0.0 (slot a); version 1.1.0 stays in slot b\n", rollback.out);
		run = CabinCommand.run("run", "--slots", slots.toString(), "--trust", publicKey, "--agent", "CarGenius", "--script", SCRIPT);
		assertTrue(run.err.contains("running slot a of " + slots + ": version 1.0.0"), run.err);
		assertEquals(4, run.out.lines().count(), run.out);
	}

	@Test
	void runAndRollbackRefuseToStartWithoutTheCarsKey() {
		Path slots = dir.resolve("car/slots");
		assertEquals(0, CabinCommand.run("install", export("1.0.0"), "--trust", publicKey, "--slots", slots.toString())
				.exitCode);

		for (String command : List.of("run", "rollback")) {
			CabinCommand refused = CabinCommand.run(command, "--slots", slots.toString(), "--script", SCRIPT);

			assertEquals(2, refused.exitCode, refused.toString());
			assertEquals("cabin " + command + ": name the car's public key with --trust PUBKEY (KEYFILE.pub of cabin"
					+ " keygen); a car trusts no key it finds in a package or in its build slots\n", refused.err);
			assertEquals("", refused.out);
		}
	}

	@Test
	void aKeyInsideTheSlotsIsNotTrusted() throws IOException {
		Path slots = dir.resolve("car/slots");
		assertEquals(0, CabinCommand.run("install", export("1.0.0"), "--trust", publicKey, "--slots", slots.toString())
				.exitCode);
		Path planted = Files.copy(Path.of(publicKey), slots.resolve("a/trusted.pub"));

		CabinCommand refused = CabinCommand.run("run", "--slots", slots.toString(), "--trust", planted.toString(),
				"--script", SCRIPT);

		assertEquals(2, refused.exitCode, refused.toString());
		assertTrue(refused.err.contains("the key of --trust (" + planted + ") is inside the build slots " + slots),
				refused.err);
	}

	@Test
	void aForeignBuildSwappedIntoTheSlotsWithItsKeyDoesNotRun() throws IOException {
		Path slots = dir.resolve("car/slots");
		assertEquals(0, CabinCommand.run("install", export("1.0.0"), "--trust", publicKey, "--slots", slots.toString())
				.exitCode);
		String foreignKey = dir.resolve("intruder/key").toString();
		assertEquals(0, CabinCommand.run("keygen", "-o", foreignKey).exitCode);
		Path foreign = dir.resolve("foreign.cabinpkg");
		assertEquals(0, CabinCommand.run("export", AGENTS, "--profile", AURORA, "--key", foreignKey, "-o",
				foreign.toString(), "--version", "6.6.6").exitCode);
		Files.copy(foreign, slots.resolve("a/build.cabinpkg"), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(Path.of(foreignKey + ".pub"), slots.resolve("a/trusted.pub"));

		CabinCommand run = CabinCommand.run("run", "--slots", slots.toString(), "--trust", publicKey, "--script",
				SCRIPT);

		assertEquals(1, run.exitCode, run.toString());
		// the slot's models are said before: they start loading while the package is checked
		List<String> said = run.err.lines().toList();
		assertTrue(said.get(said.size() - 1).startsWith("cabin run: refused: the active build (slot a) does not"
				+ " verify: the package is signed by key "), run.err);
		assertEquals("", run.out);
	}

	@Test
	void aPackageRunsStraightFromItsFileOnlyWithTheTrustedKey() throws IOException {
		String build = export("1.0.0");

		CabinCommand run = CabinCommand.runWithInput("are my tires ok\n/quit\n", "run", build, "--trust", publicKey, "--agent",
				"CarGenius");
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.out.contains("CarGenius> All four tires are between 230 and 240 kPa"), run.out);

		Path otherKey = dir.resolve("other/key");
		assertEquals(0, CabinCommand.run("keygen", "-o", otherKey.toString()).exitCode);
		CabinCommand foreign = CabinCommand.run("run", build, "--trust", otherKey + ".pub", "--script", SCRIPT);
		assertEquals(1, foreign.exitCode, foreign.toString());
		assertTrue(foreign.err.contains("cabin run: refused: the package is signed by key"), foreign.err);
		assertEquals("", foreign.out);
	}

	@Test
	void verifyExitsOneWithTheReasonAndTwoOnBadUsage() throws IOException {
		Path broken = dir.resolve("broken.cabinpkg");
		Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(Path.of(export("1.0.0"))), 1000));

		CabinCommand invalid = CabinCommand.run("verify", broken.toString(), "--trust", publicKey);

		assertEquals(1, invalid.exitCode, invalid.toString());
		assertTrue(invalid.err.startsWith(broken + ": invalid: not a complete Cabin package"), invalid.err);
		assertEquals(2, CabinCommand.run("verify", broken.toString()).exitCode);
		assertEquals(1, CabinCommand.run("verify", broken.toString(), "--trust", dir.resolve("nokey.pub").toString())
				.exitCode);
	}

	@Test
	void verifyShowsTheManifest() {
		CabinCommand verify = CabinCommand.run("verify", export("1.0.0"), "--trust", publicKey, "--manifest");

		assertEquals(0, verify.exitCode, verify.toString());
		assertTrue(verify.out.contains("\"profile\" : \"aurora-s-cn\""), verify.out);
	}

	@Test
	void anAgentTheVehicleCannotRunIsNotExportedAndTheErrorSaysWhere() {
		Path out = dir.resolve("lynx.cabinpkg");

		CabinCommand export = CabinCommand.run("export", Repository.carGenius().toString(), "--profile", LYNX,
				"--key", key, "-o", out.toString());

		assertEquals(1, export.exitCode, export.toString());
		assertTrue(export.err.contains(Repository.carGenius() + ":5:17: error: CarGenius speaks zh-CN, which the"
				+ " Lynx C (EU) does not support"), export.err);
		assertFalse(Files.exists(out));
		assertFalse(export.printedAStackTrace(), export.toString());
	}

	@Test
	void aProfileWithAnUnknownKeyIsReportedAtItsLine() throws IOException {
		Path profile = Files.writeString(dir.resolve("typo.yaml"),
				Files.readString(Path.of(AURORA)).replace("gazeTracker:", "gazeTraker:"));

		CabinCommand export = CabinCommand.run("export", AGENTS, "--profile", profile.toString(), "--key", key,
				"-o", dir.resolve("x.cabinpkg").toString());

		assertEquals(1, export.exitCode, export.toString());
		assertTrue(export.err.contains(profile + ":13:3: error: unknown key \"gazeTraker\""), export.err);
	}

	@Test
	void aPrivateKeyOthersCanReadIsRefused() throws IOException {
		Path loose = dir.resolve("loose/key");
		assertEquals(0, CabinCommand.run("keygen", "-o", loose.toString()).exitCode);
		Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
		Path out = dir.resolve("x.cabinpkg");

		CabinCommand export = CabinCommand.run("export", AGENTS, "--profile", AURORA, "--key", loose.toString(),
				"-o", out.toString());

		assertEquals(1, export.exitCode, export.toString());
		assertTrue(export.err.contains("may be read or changed by others (permissions rw-r--r--); restrict it with"
				+ " chmod 600"), export.err);
		assertFalse(Files.exists(out));
	}

	@Test
	void twoExportsOfTheSameInputAreByteIdentical() throws IOException {
		byte[] first = Files.readAllBytes(Path.of(export("1.0.0")));
		Files.move(Path.of(export("1.0.0")), dir.resolve("second.cabinpkg"));

		assertArrayEquals(first, Files.readAllBytes(dir.resolve("second.cabinpkg")));
	}

	@Test
	void anOlderVersionIsNotInstalledOverANewerOneUnlessAllowed() {
		Path slots = dir.resolve("slots");
		assertEquals(0, CabinCommand.run("install", export("2.0.0"), "--trust", publicKey, "--slots", slots.toString())
				.exitCode);
		String older = export("1.0.0");

		CabinCommand downgrade = CabinCommand.run("install", older, "--trust", publicKey, "--slots", slots.toString());
		assertEquals(1, downgrade.exitCode, downgrade.toString());
		assertTrue(downgrade.err.contains("version 1.0.0 is older than the active build 2.0.0"), downgrade.err);

		CabinCommand allowed = CabinCommand.run("install", older, "--trust", publicKey, "--slots", slots.toString(),
				"--allow-downgrade");
		assertEquals(0, allowed.exitCode, allowed.toString());
	}

	@Test
	void badUsageExitsTwo() {
		assertEquals(2, CabinCommand.run("export", AGENTS).exitCode);
		assertEquals(2, CabinCommand.run("export", AGENTS, "--profile", AURORA, "--key", key, "-o", "x",
				"--version", "one").exitCode);
		assertEquals(2, CabinCommand.run("install", "x.cabinpkg", "--trust", publicKey).exitCode);
		assertEquals(2, CabinCommand.run("rollback").exitCode);
		assertEquals(2, CabinCommand.run("run", "--slots", dir.toString()).exitCode);
		assertEquals(2, CabinCommand.run("run").exitCode);
		assertEquals(2, CabinCommand.run("keygen").exitCode);
	}
}
