package dev.cabin.fleet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.fleet.HawkbitCredentials;

/** What publish, rollout and car say to bad arguments, a server that is not there and a wrong account. */
class FleetCommandLineTest {

	@TempDir
	static Path dir;
	private static Builds builds;
	private static Path build;
	private static String nowhere;

	@BeforeAll
	static void aBuildAndAnAddressWhereNothingListens() throws IOException {
		builds = new Builds(dir);
		build = builds.carGenius("1.0.0");
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			nowhere = "http://127.0.0.1:" + free.getLocalPort();
		}
	}

	private static void assertOneLine(CabinCli run, String start) {
		assertEquals(1, run.exitCode(), run.toString());
		assertTrue(run.err().startsWith(start), run.toString());
		assertEquals(1, run.err().lines().count(), run.toString());
		assertFalse(run.printedAStackTrace(), run.toString());
	}

	@Test
	void badArgumentsGiveTheUsageAndExitTwo() {
		String[][] bad = { { "publish" }, { "publish", build.toString(), "--trust", builds.publicKey.toString() },
				{ "publish", build.toString(), "--trust", builds.publicKey.toString(), "--hawkbit", "ftp://x" },
				{ "publish", build.toString(), "--trust", builds.publicKey.toString(), "--hawkbit", nowhere,
						"--rollout", "r", "--filter", "name==*", "--groups", "0", "--success", "100", "--error", "0" },
				{ "publish", build.toString(), "--trust", builds.publicKey.toString(), "--hawkbit", nowhere,
						"--rollout", "r", "--groups", "2" },
				{ "rollout", "status", "--hawkbit", nowhere }, { "rollout", "explode", "r", "--hawkbit", nowhere },
				{ "car", "--hawkbit", nowhere }, { "car", "--hawkbit", nowhere, "--controller", "c", "--token-file",
						"t", "--vehicle", "v", "--slots", "s", "--trust", "k", "--poll-interval", "soon" } };
		for (String[] args : bad) {
			CabinCli run = CabinCli.run(HawkbitTestServer.environment(), args);
			assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run);
			assertTrue(run.err().startsWith("cabin " + args[0] + ": "), run.toString());
			assertFalse(run.printedAStackTrace(), run.toString());
		}
	}

	@Test
	void anUnreachableServerIsOneLineAndExitOne() throws IOException {
		assertOneLine(CabinCli.run(HawkbitTestServer.environment(), "publish", build.toString(), "--trust",
				builds.publicKey.toString(), "--hawkbit", nowhere), "cabin publish: cannot reach hawkBit at " + nowhere);
		assertOneLine(CabinCli.run(HawkbitTestServer.environment(), "rollout", "status", "r", "--hawkbit", nowhere),
				"cabin rollout: cannot reach hawkBit at " + nowhere);
		Path token = Files.writeString(dir.resolve("token"), "secret-token\n");
		CabinCli car = CabinCli.run("car", "--hawkbit", nowhere, "--controller", "car-1", "--token-file",
				token.toString(), "--vehicle", "aurora-s-cn", "--slots", dir.resolve("slots").toString(), "--trust",
				builds.publicKey.toString());
		assertOneLine(car, "cabin car: cannot reach hawkBit at " + nowhere);
		assertFalse(car.err().contains("secret-token"), car.toString());
	}

	@Test
	void aWrongAccountOrNoneIsOneLineAndExitOne() throws Exception {
		String server = HawkbitTestServer.instance().address.toString();
		Map<String, String> wrong = Map.of(HawkbitCredentials.USER, HawkbitTestServer.USER,
				HawkbitCredentials.PASSWORD, "not-the-password");
		CabinCli publish = CabinCli.run(wrong, "publish", build.toString(), "--trust", builds.publicKey.toString(),
				"--hawkbit", server);
		assertOneLine(publish, "cabin publish: hawkBit at " + server + " refused the account of CABIN_HAWKBIT_USER");
		assertFalse(publish.err().contains("not-the-password"), publish.toString());
		assertOneLine(CabinCli.run(Map.of(), "rollout", "status", "r", "--hawkbit", server),
				"cabin rollout: set CABIN_HAWKBIT_USER and CABIN_HAWKBIT_PASSWORD");
		Path token = Files.writeString(dir.resolve("wrong-token"), "not-a-token\n");
		assertOneLine(CabinCli.run("car", "--hawkbit", server, "--controller", "nobody", "--token-file",
				token.toString(), "--vehicle", "aurora-s-cn", "--slots", dir.resolve("slots").toString(), "--trust",
				builds.publicKey.toString()), "cabin car: hawkBit refused the car's token");
	}

	@Test
	void aRefusalByHawkbitIsPrintedWithItsReason() throws Exception {
		HawkbitTestServer server = HawkbitTestServer.instance();
		CabinCli first = CabinCli.run(HawkbitTestServer.environment(), "publish", build.toString(), "--trust",
				builds.publicKey.toString(), "--hawkbit", server.address.toString());
		assertEquals(0, first.exitCode(), first.toString());

		CabinCli again = CabinCli.run(HawkbitTestServer.environment(), "publish", build.toString(), "--trust",
				builds.publicKey.toString(), "--hawkbit", server.address.toString());

		assertOneLine(again, "cabin publish: hawkBit refused POST /rest/v1/softwaremodules: ");
		assertTrue(again.err().contains("already exists"), again.toString());
	}
}
