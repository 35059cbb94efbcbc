package dev.cabin.car.fleet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageLimits;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;

/**
 * A car as a hawkBit device: polls its controller resource, reports its attributes, and carries out a deployment
 * with the same build slots, verifier and install as {@code cabin install}: download (resumed where it stopped),
 * hawkBit's SHA-256, the car's own checks (signature, vehicle, version), install into the free slot, a smoke check,
 * the atomic switch; then closed/success, or closed/failure with the reason while the previous build stays active.
 * <p>
 * Stopped at any moment, a new client on the same slots finds a valid active build (the slots guarantee it) and
 * hawkBit's action still open: it resumes the download, or finds the build already active and reports success.
 */
public final class FleetCar {

	/** Told as the work goes on; tests stop a car at these points by throwing an {@link Error} from them. */
	public interface Observer {
		default void downloaded(long bytes) {
		}

		default void installStep(BuildSlots.Step step) {
		}
	}

	private static final String INCOMING = "incoming";

	private final DdiServer server;
	private final CarAttributes attributes;
	private final Path slotsDirectory;
	private final BuildSlots slots;
	private final PackageVerifier verifier;
	private final BuildSlots.BeforeSwitch smokeCheck;
	private final Observer observer;
	private final Consumer<String> log;
	private boolean attributesSent;

	/**
	 * @param verifier the verifier with the car's pinned key; it is limited to the car's vehicle here
	 * @param log where the car says what it does, one line at a time (never a token)
	 */
	public FleetCar(DdiServer server, CarAttributes attributes, Path slotsDirectory, PackageVerifier verifier,
			BuildSlots.BeforeSwitch smokeCheck, Observer observer, Consumer<String> log) {
		this.server = server;
		this.attributes = attributes;
		this.slotsDirectory = slotsDirectory;
		this.slots = new BuildSlots(slotsDirectory, observer::installStep);
		this.verifier = verifier.forVehicle(attributes.vehicle());
		this.smokeCheck = smokeCheck;
		this.observer = observer;
		this.log = log;
	}

	/**
	 * Polls until {@code keepGoing} says no, sleeping the interval hawkBit asks for, or {@code interval} if given.
	 * Failures to reach hawkBit after the first poll are logged and retried.
	 *
	 * @throws DdiException when the first poll fails: the server cannot be reached or refuses the car
	 */
	public void run(Duration interval, BooleanSupplier keepGoing) throws DdiException, InterruptedException {
		Duration asked = poll();
		while (keepGoing.getAsBoolean()) {
			Thread.sleep((interval != null ? interval : asked).toMillis());
			try {
				asked = poll();
			} catch (DdiException e) {
				log.accept(e.getMessage() + "; trying again");
			}
		}
	}

	/** One poll: attributes if hawkBit asks for them, then the deployment it offers; the interval it asks for. */
	public Duration poll() throws DdiException {
		JsonNode base = server.poll();
		JsonNode links = base.path("_links");
		if (links.has("configData") && !attributesSent) {
			server.put(URI.create(links.path("configData").path("href").asText()),
					Feedback.configData(attributes.asConfigData()));
			attributesSent = true;
			log.accept("reported attributes " + attributes.asConfigData());
		}
		if (links.has("deploymentBase")) {
			deploy(Deployment.of(server.get(URI.create(links.path("deploymentBase").path("href").asText()))));
		}
		return interval(base.path("config").path("polling").path("sleep").asText("00:05:00"));
	}

	private void deploy(Deployment deployment) throws DdiException {
		String action = deployment.actionId();
		URI feedback = server.below("deploymentBase/" + action + "/feedback");
		if (deployment.artifacts().size() != 1) {
			fail(feedback, action, "refused: a Cabin build is one package, the deployment has "
					+ deployment.artifacts().size() + " artifacts");
			return;
		}
		Deployment.Artifact artifact = deployment.artifacts().get(0);
		try {
			String active = activeBuildIfSame(artifact);
			if (active != null) {
				succeed(feedback, action, "version " + active + " is active");
				return;
			}
			server.post(feedback, Feedback.proceeding(action, "downloading " + artifact.filename() + " ("
					+ artifact.size() + " bytes)"));
			Path file = new ResumableDownload(server, PackageLimits.DEFAULT.maxPackageBytes()).fetch(artifact,
					incoming(action), observer::downloaded);
			server.post(feedback, Feedback.proceeding(action, "checking and installing version "
					+ artifact.moduleVersion() + " into the free slot"));
			BuildSlots.Switch done = slots.install(file, verifier, false, smokeCheck);
			succeed(feedback, action, "version " + done.version() + " active in slot " + done.slot()
					+ (done.previousVersion() == null ? "" : "; version " + done.previousVersion() + " kept"));
		} catch (DownloadRefusedException | PackageRejectedException e) {
			fail(feedback, action, "refused: " + e.getMessage());
		} catch (DdiException e) {
			log.accept("action " + action + ": " + e.getMessage() + "; the download resumes at the next poll");
		} catch (IOException e) {
			fail(feedback, action, "cannot write the build slots: " + e.getMessage());
		}
	}

	/* An action whose build became active before the car could report it (it was stopped in between). */
	private String activeBuildIfSame(Deployment.Artifact artifact) throws IOException {
		try {
			Path active = slots.activePackageFile();
			if (active == null || !Files.isRegularFile(active)
					|| !ResumableDownload.sha256(active).equalsIgnoreCase(artifact.sha256())) {
				return null;
			}
			return slots.active(verifier).manifest().version();
		} catch (PackageRejectedException e) {
			return null;
		}
	}

	private void succeed(URI feedback, String action, String detail) throws DdiException {
		server.post(feedback, Feedback.success(action, detail));
		log.accept("action " + action + ": success: " + detail);
		deleteIncoming();
	}

	private void fail(URI feedback, String action, String reason) throws DdiException {
		server.post(feedback, Feedback.failure(action, reason));
		log.accept("action " + action + ": failure: " + reason);
		deleteIncoming();
	}

	private Path incoming(String action) throws IOException {
		Path directory = slotsDirectory.resolve(INCOMING);
		Files.createDirectories(directory);
		return directory.resolve("action-" + action + ".cabinpkg");
	}

	private void deleteIncoming() {
		Path directory = slotsDirectory.resolve(INCOMING);
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (var files = Files.list(directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			log.accept("cannot clean " + directory + ": " + e.getMessage());
		}
	}

	/* hawkBit says HH:mm:ss. */
	static Duration interval(String sleep) {
		try {
			return Duration.ofSeconds(LocalTime.parse(sleep).toSecondOfDay());
		} catch (DateTimeParseException e) {
			return Duration.ofMinutes(5);
		}
	}
}
