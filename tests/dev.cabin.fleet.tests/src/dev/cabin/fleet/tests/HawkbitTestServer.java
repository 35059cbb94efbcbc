package dev.cabin.fleet.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cabin.fleet.HawkbitCredentials;
import dev.cabin.fleet.HawkbitException;
import dev.cabin.fleet.ManagementApi;
import dev.cabin.testing.Repository;

/**
 * The Eclipse hawkBit server of tests/hawkbit-test-server, started once for all the fleet tests as a child
 * process on 127.0.0.1 at a free port, with target tokens enabled, and stopped when the test JVM ends.
 */
final class HawkbitTestServer {

	/** The publishing account, with a password made for this run and given to the server in its environment. */
	static final String USER = "fleet-publisher";
	static final String PASSWORD = "pw-" + java.util.UUID.randomUUID();
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
	private static HawkbitTestServer instance;

	final URI address;
	final Duration startTime;
	private final Process process;

	private HawkbitTestServer(URI address, Duration startTime, Process process) {
		this.address = address;
		this.startTime = startTime;
		this.process = process;
	}

	static synchronized HawkbitTestServer instance() throws IOException, HawkbitException, InterruptedException {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	ManagementApi api() {
		return new ManagementApi(address, null, new HawkbitCredentials(USER, PASSWORD));
	}

	/** The environment a user publishes with: the account in the two variables. */
	static Map<String, String> environment() {
		return Map.of(HawkbitCredentials.USER, USER, HawkbitCredentials.PASSWORD, PASSWORD);
	}

	private static HawkbitTestServer start() throws IOException, HawkbitException, InterruptedException {
		Path jar = Repository.file("tests/hawkbit-test-server/target/hawkbit-test-server.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing; the reactor builds tests/hawkbit-test-server first");
		}
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		// the server keeps uploaded artifacts in ./artifactrepo: run it in the build directory
		Path home = Path.of(System.getProperty("cabin.cache", "target/cabin-cache")).resolveSibling("hawkbit-server");
		Path log = home.resolve("hawkbit-server.log");
		Files.createDirectories(home);
		long started = System.nanoTime();
		ProcessBuilder command = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port))
				.directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		command.environment().put("SPRING_SECURITY_USER_NAME", USER);
		command.environment().put("SPRING_SECURITY_USER_PASSWORD", "{noop}" + PASSWORD);
		Process process = command.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		URI address = URI.create("http://127.0.0.1:" + port);
		HawkbitTestServer server = new HawkbitTestServer(address, Duration.ZERO, process);
		ManagementApi api = server.api();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (true) {
			try {
				api.get("/rest/v1/system/configs");
				break;
			} catch (HawkbitException notYet) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					process.destroyForcibly();
					throw new IllegalStateException("the hawkBit test server did not start (see " + log + ")",
							notYet);
				}
				Thread.sleep(250);
			}
		}
		Duration startTime = Duration.ofNanos(System.nanoTime() - started);
		api.put("/rest/v1/system/configs/authentication.targettoken.enabled", Map.of("value", true));
		System.out.println("hawkBit test server ready at " + address + " after " + startTime.toMillis() + " ms");
		return new HawkbitTestServer(address, startTime, process);
	}
}
