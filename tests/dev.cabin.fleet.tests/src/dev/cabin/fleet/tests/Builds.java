package dev.cabin.fleet.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.cabin.testing.Repository;

/**
 * Signed car-genius packages for the fleet tests, exported with the command line as a user does: the team's key
 * and another one, and a copy of the Aurora S profile under another id (another vehicle).
 */
final class Builds {

	static final String OTHER_VEHICLE = "aurora-s-eu";

	final Path key;
	final Path publicKey;
	final Path otherKey;
	private final Path directory;
	private final Path otherProfile;

	Builds(Path directory) throws IOException {
		this.directory = directory;
		this.key = directory.resolve("keys/signing");
		this.publicKey = directory.resolve("keys/signing.pub");
		this.otherKey = directory.resolve("keys/other");
		keygen(key);
		keygen(otherKey);
		Path profiles = directory.resolve("profiles");
		copy(Repository.file("examples/profiles"), profiles);
		otherProfile = profiles.resolve(OTHER_VEHICLE + ".yaml");
		Files.writeString(otherProfile, Files.readString(profiles.resolve("aurora-s-cn.yaml"))
				.replace("id: aurora-s-cn", "id: " + OTHER_VEHICLE));
	}

	/** car-genius for the Aurora S (CN), signed with the team's key. */
	Path carGenius(String version) {
		return export(version, key, Repository.file("examples/profiles/aurora-s-cn.yaml"), "car-genius-" + version);
	}

	Path signedWithOtherKey(String version) {
		return export(version, otherKey, Repository.file("examples/profiles/aurora-s-cn.yaml"), "other-key-" + version);
	}

	Path forOtherVehicle(String version) {
		return export(version, key, otherProfile, "other-vehicle-" + version);
	}

	private Path export(String version, Path signingKey, Path profile, String name) {
		Path out = directory.resolve(name + ".cabinpkg");
		CabinCli export = CabinCli.run("export", Repository.file("examples/car-genius").toString(), "--profile",
				profile.toString(), "--key", signingKey.toString(), "--version", version, "-o", out.toString());
		assertEquals(0, export.exitCode(), export.toString());
		return out;
	}

	private static void keygen(Path key) {
		CabinCli keygen = CabinCli.run("keygen", "-o", key.toString());
		assertEquals(0, keygen.exitCode(), keygen.toString());
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target);
				}
			}
		}
	}
}
