package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.export.SigningKey;

import dev.cabin.testing.Repository;

/**
 * The car runtime's distribution as a head unit runs it, on its own plain class path (no language, compiler or
 * Xtext): a signed car-genius build, English and Chinese, answers its script as {@code cabin run} of the toolchain
 * does.
 */
class CarRuntimeDistributionTest {

	private static final Path PLUGINS = Repository.file("releng/dev.cabin.car.dist/target/repository/plugins");
	private static final String SCRIPT = Repository.file("examples/car-genius/conversation.jsonl").toString();

	@TempDir
	Path dir;

	@Test
	void theCarRuntimeAnswersTheCarGeniusScriptOfAnInstalledBuildAsTheToolchainDoes() throws Exception {
		assertTrue(Files.isDirectory(PLUGINS), "no car runtime at " + PLUGINS
				+ "; the reactor builds releng/dev.cabin.car.dist before this bundle");
		String key = dir.resolve("keys/signing").toString();
		String slots = dir.resolve("car/slots").toString();
		installCarGenius(key, slots);
		Path temporary = Files.createDirectory(dir.resolve("tmp"));

		CabinProcess car = CabinProcess.run(PLUGINS + File.separator + "*", "dev.cabin.car.Main", dir, Map.of(),
				List.of("-Xmx96m", "-Djava.io.tmpdir=" + temporary), "run", "--slots", slots, "--trust", key + ".pub",
				"--script", SCRIPT);

		assertEquals(0, car.exitCode, car.toString());
		assertTrue(car.err.contains("running slot a of " + slots + ": version "), car.err);
		List<JsonNode> replies = car.out.lines().map(CarRuntimeDistributionTest::json).toList();
		assertEquals(List.of("TirePressure", "OilChange", "JumpStart"),
				replies.subList(0, 3).stream().map(reply -> reply.get("intent").asText()).toList(), car.out);
		assertEquals("zh-CN", replies.get(2).get("locale").asText(), car.out);
		assertTrue(replies.get(3).get("intent").isNull(), "the restaurant is out of the agent's scope: " + car.out);
		try (Stream<Path> left = Files.list(temporary)) {
			assertEquals(List.of(), left.toList(), "the models' copies and ONNX Runtime's libraries are deleted");
		}
		CabinCommand toolchain = CabinCommand.run("run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);
		assertEquals(toolchain.out, car.out);
	}

	/**
	 * The install extracts each model into its slot, checked against the signed manifest as it is written, owner
	 * only; a start loads the models from there without hashing them, but only while nobody else may change them
	 * and they have the size the install wrote: otherwise it checks the runtime's own copies, and answers the same.
	 * The sessions are built from ONNX Runtime's optimized forms of the models, which the install wrote beside
	 * them, on the same terms and for the same runtime only; otherwise from the models, with the same answers.
	 */
	@Test
	void theCarRuntimeLoadsTheModelsItsInstallExtractedOnlyWhileTheSlotIsItsOwn() throws Exception {
		String key = dir.resolve("keys/signing").toString();
		String slots = dir.resolve("car/slots").toString();
		installCarGenius(key, slots);
		Path slot = Path.of(slots, "a");
		List<String> run = List.of("run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);
		Path english = slot.resolve("bge-small-en-v1.5-q.onnx");
		Path chinese = slot.resolve("bge-small-zh-v1.5-q.onnx");

		Path englishOptimized = slot.resolve("bge-small-en-v1.5-q.onnx.ort");
		Path chineseRecord = slot.resolve("bge-small-zh-v1.5-q.onnx.verified");

		try (Stream<Path> files = Files.list(slot)) {
			assertEquals(List.of("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q.onnx.ort",
					"bge-small-en-v1.5-q.onnx.verified", "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q.onnx.ort",
					"bge-small-zh-v1.5-q.onnx.verified", "build.cabinpkg"),
					files.map(file -> file.getFileName().toString()).sorted().toList());
		}
		for (Path file : List.of(english, englishOptimized)) {
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		}
		CabinProcess fromTheSlot = runCar(run);
		assertTrue(fromTheSlot.err.contains(
				"model bge-small-en-v15-q: " + english + ", checked at install, optimized at install"), fromTheSlot.err);
		assertTrue(fromTheSlot.err.contains(
				"model bge-small-zh-v15-q: " + chinese + ", checked at install, optimized at install"), fromTheSlot.err);

		// the optimized forms are only used as the install wrote them, for the runtime that wrote them
		Files.write(englishOptimized, new byte[] { 1, 2, 3 });
		String record = Files.readString(chineseRecord);
		Files.writeString(chineseRecord, record.replaceFirst("onnxruntime-\\S+", "onnxruntime-0.9.0/sparc"));
		CabinProcess unoptimized = runCar(run);
		assertTrue(unoptimized.err.contains("model bge-small-en-v15-q: " + english + ", checked at install; "
				+ englishOptimized + " is 3 bytes, not the "), unoptimized.err);
		assertTrue(unoptimized.err.contains("model bge-small-zh-v15-q: " + chinese
				+ ", checked at install; optimized by onnxruntime-0.9.0/sparc, not by this runtime's onnxruntime-"),
				unoptimized.err);
		assertEquals(fromTheSlot.out, unoptimized.out, unoptimized.toString());

		Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwxrwxr-x"));
		CabinProcess shared = runCar(run);
		Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.write(english, new byte[] { 1, 2, 3 });
		CabinProcess truncated = runCar(run);

		assertTrue(shared.err.contains("model bge-small-en-v15-q: " + slot + " may be changed by others than "),
				shared.err);
		assertTrue(shared.err.contains("checking the runtime's own copy instead"), shared.err);
		assertEquals(fromTheSlot.out, shared.out, shared.toString());
		assertTrue(truncated.err.contains("model bge-small-en-v15-q: " + english + " is 3 bytes, not the "),
				truncated.err);
		assertTrue(truncated.err.contains("model bge-small-zh-v15-q: " + chinese + ", checked at install"),
				truncated.err);
		assertEquals(fromTheSlot.out, truncated.out, truncated.toString());
	}

	private CabinProcess runCar(List<String> run) throws IOException, InterruptedException {
		CabinProcess car = CabinProcess.run(PLUGINS + File.separator + "*", "dev.cabin.car.Main", dir, Map.of(),
				List.of("-Xmx96m"), run.toArray(String[]::new));
		assertEquals(0, car.exitCode, car.toString());
		return car;
	}

	/**
	 * The launcher keeps what the first {@code run} loaded for the next starts: from Java 25 on an ahead-of-time
	 * cache, before it a class data sharing archive (each Java of the machine that the launcher can tell apart is
	 * tried). An install or a help text writes none; a start with it answers as the first did, without a warning.
	 */
	@Test
	void theLauncherKeepsWhatTheFirstRunLoadedForTheNextStarts() throws Exception {
		String key = dir.resolve("keys/signing").toString();
		String slots = dir.resolve("car/slots").toString();
		installCarGenius(key, slots);
		for (Path javaHome : JavaHomes.onThisMachine()) {
			Path archive = dir.resolve("start-up-" + javaHome.getFileName());
			Map<String, String> environment = Map.of("JAVA_HOME", javaHome.toString(), "CABIN_CAR_AOT_CACHE",
					archive.toString(), "CABIN_CAR_CDS_ARCHIVE", archive.toString(), "CABIN_CAR_NATIVE_LIBRARIES",
					dir.resolve("native").toString());

			launch(environment, "help");
			boolean writtenByHelp = Files.exists(archive);
			CabinProcess first = launch(environment, "run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);
			boolean writtenByRun = Files.isRegularFile(archive);
			CabinProcess next = launch(environment, "run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);

			assertTrue(!writtenByHelp && writtenByRun, javaHome + ": only a run writes " + archive);
			assertEquals(first.out, next.out, javaHome + ": " + next);
			assertTrue(!next.err.toLowerCase(Locale.ROOT).contains("warning"), javaHome + ": " + next);
		}
	}

	private CabinProcess launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Repository.file("releng/dev.cabin.car.dist/cabin-car").toString()));
		command.addAll(List.of(args));
		CabinProcess car = CabinProcess.runProgram(command, dir, environment, Duration.ofMinutes(5));
		assertEquals(0, car.exitCode, car.toString());
		return car;
	}

	/**
	 * ONNX Runtime's native libraries kept in the folder that {@code cabin-car} names: extracted by the first start,
	 * used by the next; a damaged one is replaced before it is loaded, and a folder others may write to is not
	 * used at all.
	 */
	@Test
	void theCarRuntimeKeepsOnnxRuntimesLibrariesOnlyWhereNobodyElseMayChangeThem() throws Exception {
		String key = dir.resolve("keys/signing").toString();
		String slots = dir.resolve("car/slots").toString();
		installCarGenius(key, slots);
		Path kept = dir.resolve("native");
		List<String> run = List.of("run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);

		String answers = runWithKeptLibraries(kept, run).out;
		Path library;
		try (Stream<Path> platforms = Files.list(kept)) {
			library = platforms.findFirst().orElseThrow().resolve(System.mapLibraryName("onnxruntime"));
		}
		byte[] extracted = Files.readAllBytes(library);
		Files.write(library, new byte[extracted.length]);
		CabinProcess damaged = runWithKeptLibraries(kept, run);
		byte[] afterDamage = Files.readAllBytes(library);
		Files.write(library, new byte[extracted.length]);
		Files.setPosixFilePermissions(library.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
		CabinProcess shared = runWithKeptLibraries(kept, run);

		assertEquals(answers, damaged.out, damaged.toString());
		assertTrue(Arrays.equals(extracted, afterDamage), "the damaged library is extracted again");
		assertEquals(answers, shared.out, shared.toString());
		assertTrue(Arrays.equals(new byte[extracted.length], Files.readAllBytes(library)),
				"a folder others may write to is neither used nor written");
	}

	private CabinProcess runWithKeptLibraries(Path kept, List<String> run) throws IOException, InterruptedException {
		CabinProcess car = CabinProcess.run(PLUGINS + File.separator + "*", "dev.cabin.car.Main", dir, Map.of(),
				List.of("-Xmx96m", "-Dcabin.onnxruntime.libraries=" + kept), run.toArray(String[]::new));
		assertEquals(0, car.exitCode, car.toString());
		return car;
	}

	/**
	 * Two entries of 120 MiB of zeros, a few hundred kilobytes on disk besides the agent's IR (which the Chinese
	 * background check's prototypes make most of a megabyte), within the package limits, in the 64 MB heap
	 * of {@code cabin-car}: listed by a manifest nobody signed, they are refused before a byte is inflated; signed
	 * by the trusted key, they are streamed through their hashes and the package verifies.
	 */
	@Test
	void theCarRuntimeChecksAZipBombWithinItsHeapAndTheSignatureFirst() throws Exception {
		Path key = dir.resolve("keys/signing");
		Path build = dir.resolve("car-genius.cabinpkg");
		succeed(CabinCommand.run("keygen", "-o", key.toString()));
		succeed(CabinCommand.run("export", Repository.file("examples/car-genius").toString(), "--profile",
				Repository.file("examples/profiles/aurora-s-cn.yaml").toString(), "--key", key.toString(), "-o",
				build.toString()));
		Map<String, byte[]> exported = ZipBombs.entries(Files.readAllBytes(build));
		List<ZipBombs.Entry> content = List.of(ZipBombs.stored(PackageFormat.IR, exported.get(PackageFormat.IR)),
				ZipBombs.zeros("zeros-1.bin", 120L << 20), ZipBombs.zeros("zeros-2.bin", 120L << 20));
		ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(exported.get(PackageFormat.MANIFEST));
		ArrayNode listed = ((ArrayNode) manifest.get("entries")).removeAll();
		for (ZipBombs.Entry entry : content) {
			listed.addObject().put("name", entry.name()).put("sha256", entry.sha256()).put("size", entry.size())
					.put("storedSha256", PackageFormat.sha256(entry.data()));
		}
		byte[] manifestBytes = PackageFormat.json(manifest);
		Path unsigned = bomb("unsigned.cabinpkg", manifestBytes, exported.get(PackageFormat.SIGNATURE), content);
		SigningKey signing = SigningKey.load(key);
		ObjectNode signature = new ObjectMapper().createObjectNode().put("algorithm", Ed25519Keys.ALGORITHM)
				.put("key", signing.id()).put("signature", Base64.getEncoder().encodeToString(sign(manifestBytes, signing)));
		Path signed = bomb("signed.cabinpkg", manifestBytes, PackageFormat.json(signature), content);

		CabinProcess refused = verifyInTheCarHeap(unsigned, key);
		CabinProcess verified = verifyInTheCarHeap(signed, key);

		long besidesTheIr = Files.size(unsigned) - exported.get(PackageFormat.IR).length;
		assertTrue(besidesTheIr < 1 << 20, besidesTheIr + " bytes besides the IR");
		assertEquals(1, refused.exitCode, refused.toString());
		assertTrue(refused.err.startsWith(unsigned + ": invalid: the signature does not match the manifest"),
				refused.err);
		assertEquals(0, verified.exitCode, verified.toString());
		assertTrue(verified.out.startsWith(signed + ": valid: "), verified.out);
	}

	private Path bomb(String name, byte[] manifest, byte[] signature, List<ZipBombs.Entry> content)
			throws IOException {
		List<ZipBombs.Entry> entries = new ArrayList<>(List.of(ZipBombs.stored(PackageFormat.MANIFEST, manifest),
				ZipBombs.stored(PackageFormat.SIGNATURE, signature)));
		entries.addAll(content);
		return Files.write(dir.resolve(name), ZipBombs.zip(entries));
	}

	private static byte[] sign(byte[] message, SigningKey key) throws GeneralSecurityException {
		Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
		signer.initSign(key.privateKey());
		signer.update(message);
		return signer.sign();
	}

	/* The heap of the cabin-car launcher. */
	private CabinProcess verifyInTheCarHeap(Path file, Path key) throws IOException, InterruptedException {
		return CabinProcess.run(PLUGINS + File.separator + "*", "dev.cabin.car.Main", dir, Map.of(), List.of("-Xmx64m"),
				"verify", file.toString(), "--trust", key + ".pub");
	}

	private void installCarGenius(String key, String slots) {
		String build = dir.resolve("car-genius.cabinpkg").toString();
		succeed(CabinCommand.run("keygen", "-o", key));
		succeed(CabinCommand.run("export", Repository.file("examples/car-genius").toString(), "--profile",
				Repository.file("examples/profiles/aurora-s-cn.yaml").toString(), "--key", key, "-o", build));
		succeed(CabinCommand.run("install", build, "--trust", key + ".pub", "--slots", slots));
	}

	private static void succeed(CabinCommand command) {
		assertEquals(0, command.exitCode, command.toString());
	}

	private static JsonNode json(String line) {
		try {
			return new ObjectMapper().readTree(line);
		} catch (Exception e) {
			throw new AssertionError("not a JSON reply: " + line, e);
		}
	}
}
