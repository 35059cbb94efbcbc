package dev.cabin.fleet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cabin.car.fleet.FleetCar;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.fleet.ManagementApi;

/**
 * Rollouts of car-genius through a real Eclipse hawkBit server (0.3.0M7, REST API v1) to simulated cars that run
 * the car's DDI client on their own build slots: a fleet updated in two groups, builds the cars refuse, a rollout
 * that stops at the first failure, cars stopped in the middle of an update.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetRolloutTest {

	private static final Duration POLL = Duration.ofMillis(500);
	private static final Duration PATIENCE = Duration.ofMinutes(4);

	@TempDir
	static Path dir;
	private static HawkbitTestServer server;
	private static Builds builds;
	private static Path firstBuild;
	private static Path update;
	/** Everything the command line and the cars printed, for the test that looks for secrets. */
	private static final List<String> printed = Collections.synchronizedList(new ArrayList<>());
	private static final List<SimulatedCar> everyCar = Collections.synchronizedList(new ArrayList<>());

	@BeforeAll
	static void startTheServerAndExportTheBuilds() throws Exception {
		server = HawkbitTestServer.instance();
		builds = new Builds(dir);
		firstBuild = builds.carGenius("1.0.0");
		update = builds.carGenius("1.1.0");
	}

	@AfterAll
	static void stopTheCars() throws InterruptedException {
		for (SimulatedCar car : everyCar) {
			car.stop();
		}
	}

	private static CabinCli cabin(String... args) {
		CabinCli run = CabinCli.run(HawkbitTestServer.environment(), args);
		printed.add(run.out());
		printed.add(run.err());
		return run;
	}

	private static List<SimulatedCar> fleet(String prefix, int count) throws Exception {
		List<SimulatedCar> cars = SimulatedCar.fleet(server, dir.resolve("cars"), prefix, count, List.of(firstBuild),
				builds.publicKey);
		everyCar.addAll(cars);
		for (SimulatedCar car : cars) {
			car.start(POLL, new FleetCar.Observer() {
			});
		}
		await("the cars of " + prefix + " report their attributes", () -> {
			for (SimulatedCar car : cars) {
				if (!car.attributesReported()) {
					return false;
				}
			}
			return true;
		});
		return cars;
	}

	private static String publish(Path build, String... deploy) {
		List<String> args = new ArrayList<>(List.of("publish", build.toString(), "--trust", builds.publicKey
				.toString(), "--hawkbit", server.address.toString()));
		args.addAll(List.of(deploy));
		CabinCli publish = cabin(args.toArray(String[]::new));
		assertEquals(0, publish.exitCode(), publish.toString());
		return publish.out();
	}

	private static JsonNode rollout(String name) throws Exception {
		return server.api().get("/rest/v1/rollouts" + ManagementApi.query("name==" + name)).path("content").get(0);
	}

	interface Condition {
		boolean holds() throws Exception;
	}

	private static void await(String what, Condition condition) throws Exception {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				StringBuilder cars = new StringBuilder();
				for (SimulatedCar car : everyCar) {
					cars.append('\n').append(car.id).append(car.ended() ? " stopped by " + car.stoppedBy() : " running")
							.append(": ").append(car.log);
				}
				throw new AssertionError("timed out waiting until " + what + cars);
			}
			Thread.sleep(200);
		}
	}

	private static long countOn(List<SimulatedCar> cars, String version) throws Exception {
		long count = 0;
		for (SimulatedCar car : cars) {
			count += car.activeVersion().equals(version) ? 1 : 0;
		}
		return count;
	}

	@Test
	@Order(1)
	void twentyCarsInTwoGroupsAllEndOnTheNewBuildAndTheRolloutFinishes() throws Exception {
		List<SimulatedCar> cars = fleet("roll", 20);

		long published = System.nanoTime();
		String out = publish(update, "--rollout", "spring-update", "--filter",
				"controllerId==roll-* and attribute.vehicle==aurora-s-cn", "--groups", "2", "--success", "100",
				"--error", "0");
		await("all 20 cars run 1.1.0", () -> countOn(cars, "1.1.0") == 20);
		Duration updated = Duration.ofNanos(System.nanoTime() - published);
		await("hawkBit shows the rollout finished", () -> "finished".equals(rollout("spring-update").path("status")
				.asText()));

		System.out.println("publish to 20 of 20 cars updated: " + updated.toMillis() + " ms");
		assertTrue(out.contains("published CarGenius 1.1.0"), out);
		assertTrue(out.contains("rollout spring-update (id "), out);
		CabinCli status = cabin("rollout", "status", "spring-update", "--hawkbit", server.address.toString());
		System.out.print(status.out());
		assertEquals(0, status.exitCode(), status.toString());
		assertTrue(status.out().startsWith("rollout spring-update (id "), status.out());
		assertTrue(status.out().contains(": finished, CarGenius 1.1.0, 20 cars: 20 finished"), status.out());
		assertTrue(status.out().contains("group-1      finished    10 cars: 10 finished"), status.out());
		assertTrue(status.out().contains("group-2      finished    10 cars: 10 finished"), status.out());
		for (SimulatedCar car : cars) {
			assertEquals(List.of(), Files.list(car.slots.resolve("incoming")).toList(), car.id);
		}
	}

	@Test
	@Order(2)
	void withErrorThresholdZeroABuildOfAnotherKeyStopsTheRolloutAfterTheFirstGroup() throws Exception {
		List<SimulatedCar> cars = fleet("key", 6);
		Path foreign = builds.signedWithOtherKey("2.0.0");

		List<String> args = new ArrayList<>(List.of("publish", foreign.toString(), "--trust",
				builds.otherKey + ".pub", "--hawkbit", server.address.toString(), "--rollout", "foreign-key",
				"--filter", "controllerId==key-*", "--groups", "2", "--success", "100", "--error", "0"));
		CabinCli publish = cabin(args.toArray(String[]::new));
		assertEquals(0, publish.exitCode(), publish.toString());
		await("the rollout pauses", () -> "paused".equals(rollout("foreign-key").path("status").asText()));
		Thread.sleep(5 * POLL.toMillis()); // the second group's cars poll a few more times

		CabinCli status = cabin("rollout", "status", "foreign-key", "--hawkbit", server.address.toString());
		System.out.print(status.out());
		assertTrue(status.out().contains(": paused, CarGenius 2.0.0, 6 cars"), status.out());
		assertTrue(status.out().contains("group-1      error        3 cars: 3 error"), status.out());
		assertTrue(status.out().contains("group-2      scheduled    3 cars: 3 scheduled"), status.out());
		assertTrue(status.out().contains("failures:\n  key-"), status.out());
		assertTrue(status.out().contains("(group-1): refused: the package is signed by key "), status.out());
		assertTrue(status.out().contains("(signed with another key)"), status.out());
		assertEquals(6, countOn(cars, "1.0.0"));
		int reached = 0;
		for (SimulatedCar car : cars) {
			reached += car.log.stream().anyMatch(line -> line.contains("failure: refused: the package is signed by"))
					? 1 : 0;
		}
		assertEquals(3, reached, "only the first group's cars got the build");
	}

	@Test
	@Order(3)
	void everyCarRefusesABuildOfAnotherKeyOrForAnotherVehicleAndKeepsItsBuild() throws Exception {
		List<SimulatedCar> cars = fleet("refuse", 3);
		String all = String.join(",", cars.stream().map(car -> car.id).toList());

		CabinCli foreign = cabin("publish", builds.signedWithOtherKey("3.0.0").toString(), "--trust",
				builds.otherKey + ".pub", "--hawkbit", server.address.toString(), "--assign", all);
		assertEquals(0, foreign.exitCode(), foreign.toString());
		await("every car refused the foreign build", () -> cars.stream().allMatch(car -> car.log.stream()
				.anyMatch(line -> line.contains("failure: refused: ") && line.contains("signed with another key"))));
		assertEquals(3, countOn(cars, "1.0.0"));

		Path otherVehicle = builds.forOtherVehicle("3.1.0");
		publish(otherVehicle, "--assign", all);
		await("every car refused the other vehicle's build", () -> cars.stream().allMatch(car -> car.log.stream()
				.anyMatch(line -> line.contains("failure: refused: the package was built for vehicle profile \""
						+ Builds.OTHER_VEHICLE + "\""))));
		assertEquals(3, countOn(cars, "1.0.0"));
		JsonNode actions = server.api().get("/rest/v1/targets/" + cars.get(0).id + "/actions");
		assertEquals(2, actions.path("total").asInt(), actions.toString());
	}

	@Test
	@Order(4)
	void aRolloutFilteredByVehicleNeverReachesCarsOfAnotherVehicle() throws Exception {
		List<SimulatedCar> cars = fleet("filter", 3);

		CabinCli publish = cabin("publish", builds.forOtherVehicle("3.2.0").toString(), "--trust",
				builds.publicKey.toString(), "--hawkbit", server.address.toString(), "--rollout", "eu-only",
				"--filter", "controllerId==filter-* and attribute.vehicle==" + Builds.OTHER_VEHICLE, "--groups", "1",
				"--success", "100", "--error", "0");

		// hawkBit refuses a rollout that selects no car, and says so
		assertEquals(1, publish.exitCode(), publish.toString());
		assertTrue(publish.err().startsWith("cabin publish: hawkBit refused POST /rest/v1/rollouts: "),
				publish.toString());
		assertFalse(publish.printedAStackTrace(), publish.toString());
		Thread.sleep(3 * POLL.toMillis());
		for (SimulatedCar car : cars) {
			assertEquals(0, server.api().get("/rest/v1/targets/" + car.id + "/actions").path("total").asInt());
			assertEquals("1.0.0", car.activeVersion());
		}
	}

	@Test
	@Order(5)
	void aCarStoppedDuringTheDownloadOrTheInstallComesBackWithAValidBuildAndFinishes() throws Exception {
		// car-genius is about 55 KB: cut early in the download and late in it
		List<Object> stopPoints = new ArrayList<>(List.of(8 * 1024L, 40 * 1024L));
		stopPoints.addAll(List.of(BuildSlots.Step.values()));
		// two builds installed, so that an update also drops the oldest (the last step of an install)
		List<SimulatedCar> cars = SimulatedCar.fleet(server, dir.resolve("cars"), "crash", stopPoints.size(),
				List.of(firstBuild, update), builds.publicKey);
		everyCar.addAll(cars);
		for (int i = 0; i < cars.size(); i++) {
			cars.get(i).start(POLL, powerCutAt(stopPoints.get(i)));
		}
		await("the crash cars report their attributes", () -> cars.stream().allMatch(car -> {
			try {
				return car.attributesReported();
			} catch (Exception e) {
				return false;
			}
		}));

		publish(builds.carGenius("1.2.0"), "--assign", String.join(",", cars.stream().map(car -> car.id).toList()));
		await("every car was cut off at its point", () -> cars.stream().allMatch(SimulatedCar::ended));
		for (SimulatedCar car : cars) {
			assertTrue(car.stoppedBy() instanceof PowerCut, car.id + ": " + car.stoppedBy());
			String active = car.activeVersion(); // a valid active build, whatever the point
			assertTrue(active.equals("1.1.0") || active.equals("1.2.0"), car.id + " runs " + active);
			car.start(POLL, new FleetCar.Observer() {
			});
		}
		await("every car finished the update", () -> countOn(cars, "1.2.0") == cars.size());
		await("hawkBit has every action closed", () -> {
			for (SimulatedCar car : cars) {
				if (!"in_sync".equals(server.api().get("/rest/v1/targets/" + car.id).path("updateStatus").asText())) {
					return false;
				}
			}
			return true;
		});
		String resumed = server.api().get("/rest/v1/targets/crash-02/actions").path("content").get(0).path("id")
				.asText();
		String messages = server.api().get("/rest/v1/targets/crash-02/actions/" + resumed + "/status?limit=50")
				.toString();
		assertTrue(messages.contains("Target downloads range bytes="), "the download resumed: " + messages);
	}

	@Test
	@Order(6)
	void aBuildThatFailsTheSmokeCheckIsReportedAndThePreviousBuildStaysActive() throws Exception {
		List<SimulatedCar> cars = SimulatedCar.fleet(server, dir.resolve("cars"), "smoke", 1, List.of(firstBuild),
				builds.publicKey);
		SimulatedCar car = cars.get(0);
		everyCar.add(car);
		car.start(POLL, new FleetCar.Observer() {
		}, written -> {
			throw new PackageRejectedException("smoke check failed: " + written.manifest().agents().get(0)
					+ " gave no answer");
		});

		publish(builds.carGenius("1.3.0"), "--assign", car.id);

		await("the car reported the failure", () -> car.log.stream().anyMatch(line -> line.contains("failure")));
		assertTrue(car.log.contains("action " + server.api().get("/rest/v1/targets/" + car.id + "/actions")
				.path("content").get(0).path("id").asText() + ": failure: refused: smoke check failed: CarGenius gave"
				+ " no answer"), car.log.toString());
		assertEquals("1.0.0", car.activeVersion());
		assertEquals("error", server.api().get("/rest/v1/targets/" + car.id).path("updateStatus").asText());
		try (Stream<Path> slots = Files.list(car.slots)) {
			assertEquals(List.of("a"), slots.filter(Files::isDirectory).map(slot -> slot.getFileName().toString())
					.filter(name -> name.length() == 1).toList(), "the slot of the refused build is emptied");
		}
	}

	/** A car losing power: nothing of the client runs after it, as after a kill. */
	static final class PowerCut extends Error {
		private static final long serialVersionUID = 1L;

		PowerCut(String where) {
			super("power cut " + where);
		}
	}

	private static FleetCar.Observer powerCutAt(Object point) {
		return new FleetCar.Observer() {
			@Override
			public void downloaded(long bytes) {
				if (point instanceof Long after && bytes >= after) {
					throw new PowerCut("after " + bytes + " bytes of the download");
				}
			}

			@Override
			public void installStep(BuildSlots.Step step) {
				if (step == point) {
					throw new PowerCut("after the install step " + step);
				}
			}
		};
	}

	@Test
	@Order(7)
	void noPasswordOrTokenIsInAnyOutputOrFile() throws Exception {
		List<String> secrets = new ArrayList<>();
		secrets.add(HawkbitTestServer.PASSWORD);
		secrets.add(java.util.Base64.getEncoder().encodeToString((HawkbitTestServer.USER + ":"
				+ HawkbitTestServer.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		for (SimulatedCar car : everyCar) {
			secrets.add(Files.readString(car.tokenFile).strip());
		}
		List<String> texts = new ArrayList<>(printed);
		for (SimulatedCar car : everyCar) {
			texts.addAll(car.log);
		}
		List<Path> files;
		Path buildDirectory = Path.of(System.getProperty("cabin.cache")).getParent();
		try (Stream<Path> walk = Stream.concat(Files.walk(dir), Files.walk(buildDirectory))) {
			files = walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("token"))
					.filter(file -> !file.toString().endsWith(".jar") && !file.toString().endsWith(".class"))
					.toList();
		}
		for (Path file : files) {
			texts.add(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
		}
		assertNotEquals(0, secrets.size());
		for (String secret : secrets) {
			for (String text : texts) {
				assertFalse(text.contains(secret), "a secret was found in what the tests can read");
			}
		}
	}
}
