package dev.cabin.car;

import java.nio.file.Path;
import java.security.PublicKey;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.Ed25519Keys;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageVerifier;

/** What the car-build commands share: the trusted key and the verifier built from the options. */
final class CarBuilds {

	private CarBuilds() {
	}

	/** The key of {@code --trust}, or {@code null} when the option is absent and not required. */
	static PublicKey trustedKey(Arguments arguments, boolean required) throws UsageException, KeyFileException {
		String trust = arguments.option("--trust");
		if (trust == null) {
			if (required) {
				throw new UsageException("name the public key to trust with --trust PUBKEY (KEYFILE.pub of cabin keygen)");
			}
			return null;
		}
		return Ed25519Keys.readPublicKey(Path.of(trust));
	}

	/** A verifier for the key of {@code --trust}, limited to the vehicle of {@code --vehicle} if given. */
	static PackageVerifier verifier(Arguments arguments) throws UsageException, KeyFileException {
		String vehicle = arguments.option("--vehicle");
		PackageVerifier verifier = new PackageVerifier(trustedKey(arguments, true), OnnxModels.files());
		return vehicle == null ? verifier : verifier.forVehicle(vehicle);
	}

	static Path single(Arguments arguments, String what) throws UsageException {
		if (arguments.positional().size() != 1) {
			throw new UsageException("name one " + what);
		}
		return Path.of(arguments.positional().get(0));
	}
}
