package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
		String build = dir.resolve("car-genius.cabinpkg").toString();
		succeed(CabinCommand.run("keygen", "-o", key));
		succeed(CabinCommand.run("export", Repository.file("examples/car-genius").toString(), "--profile",
				Repository.file("examples/profiles/aurora-s-cn.yaml").toString(), "--key", key, "-o", build));
		succeed(CabinCommand.run("install", build, "--trust", key + ".pub", "--slots", slots));

		CabinProcess car = CabinProcess.run(PLUGINS + File.separator + "*", "dev.cabin.car.Main", dir, Map.of(),
				List.of("-Xmx96m"), "run", "--slots", slots, "--trust", key + ".pub", "--script", SCRIPT);

		assertEquals(0, car.exitCode, car.toString());
		assertTrue(car.err.startsWith("running slot a of " + slots + ": version "), car.err);
		List<JsonNode> replies = car.out.lines().map(CarRuntimeDistributionTest::json).toList();
		assertEquals(List.of("TirePressure", "OilChange", "JumpStart"),
				replies.subList(0, 3).stream().map(reply -> reply.get("intent").asText()).toList(), car.out);
		assertEquals("zh-CN", replies.get(2).get("locale").asText(), car.out);
		assertTrue(replies.get(3).get("intent").isNull(), "the restaurant is out of the agent's scope: " + car.out);
		CabinCommand toolchain = CabinCommand.run("run", "--slots", slots, "--script", SCRIPT);
		assertEquals(toolchain.out, car.out);
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
