package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.nlu.SentenceModelFiles;
import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageVerifier;

/** What the car-build commands share: the trusted key and the verifier built from the options. */
public final class CarBuilds {

	private CarBuilds() {
	}

	/**
	 * A verifier for the key of {@code --trust}, which is required, limited to the vehicle of {@code --vehicle}
	 * if given.
	 *
	 * @param slots the build slots the command works on, or {@code null}: the key must not be inside them
	 */
	public static PackageVerifier verifier(Arguments arguments, Path slots) throws UsageException, KeyFileException {
		return verifier(arguments, slots, OnnxModels.files());
	}

	/** The same, for a command that loads the models of the package it verifies next. */
	static PackageVerifier verifierBeforeLoading(Arguments arguments, Path slots)
			throws UsageException, KeyFileException {
		return verifier(arguments, slots, OnnxModels.filesToLoad());
	}

	private static PackageVerifier verifier(Arguments arguments, Path slots, SentenceModelFiles models)
			throws UsageException, KeyFileException {
		String trust = arguments.option("--trust");
		String vehicle = arguments.option("--vehicle");
		if (trust == null) {
			throw new UsageException("name the car's public key with --trust PUBKEY (KEYFILE.pub of cabin keygen);"
					+ " a car trusts no key it finds in a package or in its build slots");
		}
		Path key = Path.of(trust);
		if (slots != null && inside(key, slots)) {
			throw new UsageException("the key of --trust (" + trust + ") is inside the build slots " + slots
					+ "; keep the car's key outside them, where an installed build cannot replace it");
		}
		PackageVerifier verifier = new PackageVerifier(Ed25519Keys.readPublicKey(key), models);
		return vehicle == null ? verifier : verifier.forVehicle(vehicle);
	}

	/* Links resolved where they exist, so that a link into the slots counts as inside them. */
	private static boolean inside(Path file, Path directory) {
		return resolved(file).startsWith(resolved(directory));
	}

	private static Path resolved(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		try {
			return Files.exists(absolute) ? absolute.toRealPath() : absolute;
		} catch (IOException e) {
			return absolute;
		}
	}

	public static Path single(Arguments arguments, String what) throws UsageException {
		if (arguments.positional().size() != 1) {
			throw new UsageException("name one " + what);
		}
		return Path.of(arguments.positional().get(0));
	}
}
