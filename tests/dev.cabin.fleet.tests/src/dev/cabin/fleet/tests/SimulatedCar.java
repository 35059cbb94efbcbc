package dev.cabin.fleet.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cabin.car.fleet.CarAttributes;
import dev.cabin.car.fleet.DdiServer;
import dev.cabin.car.fleet.FleetCar;
import dev.cabin.car.fleet.SmokeCheck;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.fleet.HawkbitException;
import dev.cabin.fleet.ManagementApi;

/**
 * A car of the test fleet: registered in hawkBit with its own token, its own build slots with a first build
 * installed, and a DDI client ({@link FleetCar}, as {@code cabin car} runs it) in a thread of the test JVM.
 */
final class SimulatedCar {

	static final String VEHICLE = "aurora-s-cn";

	final String id;
	final Path slots;
	final Path tokenFile;
	final List<String> log = Collections.synchronizedList(new ArrayList<>());
	private final HawkbitTestServer server;
	private final PackageVerifier verifier;
	private Thread thread;
	private volatile boolean running;
	private volatile Throwable stoppedBy;

	private SimulatedCar(String id, Path directory, HawkbitTestServer server, PackageVerifier verifier)
			throws IOException {
		this.id = id;
		this.slots = directory.resolve(id).resolve("slots");
		this.tokenFile = directory.resolve(id).resolve("token");
		this.server = server;
		this.verifier = verifier;
	}

	/** Cars {@code prefix-01} and on, registered, each with the builds installed in turn (the last one active). */
	static List<SimulatedCar> fleet(HawkbitTestServer server, Path directory, String prefix, int count,
			List<Path> installed, Path trustedKey) throws IOException, HawkbitException, PackageRejectedException {
		PackageVerifier verifier = new PackageVerifier(readKey(trustedKey), OnnxModels.files());
		List<SimulatedCar> cars = new ArrayList<>();
		List<Map<String, String>> targets = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			SimulatedCar car = new SimulatedCar(String.format("%s-%02d", prefix, i), directory, server, verifier);
			String token = UUID.randomUUID().toString().replace("-", "");
			Files.createDirectories(car.tokenFile.getParent());
			Files.writeString(car.tokenFile, token + "\n");
			for (Path build : installed) {
				new BuildSlots(car.slots).install(build, verifier, false);
			}
			targets.add(Map.of("controllerId", car.id, "name", car.id, "securityToken", token));
			cars.add(car);
		}
		server.api().post("/rest/v1/targets", targets);
		return cars;
	}

	private static java.security.PublicKey readKey(Path key) throws IOException {
		try {
			return Ed25519Keys.readPublicKey(key);
		} catch (dev.cabin.engine.pkg.KeyFileException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** Runs a client in a thread, polling every {@code interval}, until {@link #stop()} or an observer throws. */
	void start(Duration interval, FleetCar.Observer observer) throws IOException {
		start(interval, observer, new SmokeCheck());
	}

	/** The same with another smoke check than the car's own. */
	void start(Duration interval, FleetCar.Observer observer, BuildSlots.BeforeSwitch smokeCheck) throws IOException {
		// a new client on this car's slots, as a restarted car process makes
		FleetCar client = new FleetCar(new DdiServer(server.address, "DEFAULT", id,
				Files.readString(tokenFile).strip()), new CarAttributes(VEHICLE, "CN"), slots, verifier, smokeCheck,
				observer, log::add);
		running = true;
		stoppedBy = null;
		thread = new Thread(() -> {
			try {
				client.run(interval, () -> running);
			} catch (Throwable e) { // a simulated power cut, or a failure the test reports
				stoppedBy = e;
			}
		}, "car " + id);
		thread.setDaemon(true);
		thread.start();
	}

	void stop() throws InterruptedException {
		running = false;
		if (thread != null) {
			thread.join(30_000);
		}
	}

	/** Whether the client's thread ended (stopped, or cut off by an observer). */
	boolean ended() {
		return thread != null && !thread.isAlive();
	}

	Throwable stoppedBy() {
		return stoppedBy;
	}

	/** The version of the active build, verified with the car's key as the car would before running it. */
	String activeVersion() throws IOException, PackageRejectedException {
		return new BuildSlots(slots).active(verifier).manifest().version();
	}

	boolean attributesReported() throws HawkbitException {
		return server.api().get("/rest/v1/targets/" + id + "/attributes").has("vehicle");
	}
}
