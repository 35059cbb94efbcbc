package dev.cabin.car;

import java.nio.file.Path;
import java.util.Set;

import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.VerifiedPackage;

/**
 * {@code cabin verify PKG --trust PUBKEY [--vehicle ID] [--manifest]}: every check a car makes before it loads a
 * package. Exit 0 when valid, 1 when not, with the reason.
 */
final class VerifyCommand implements Command {

	@Override
	public Set<String> flags() {
		return Set.of("--manifest");
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		Path file = CarBuilds.single(arguments, "package to verify");
		PackageVerifier verifier;
		try {
			verifier = CarBuilds.verifier(arguments, null);
		} catch (KeyFileException e) {
			terminal.err().println("cabin verify: " + e.getMessage());
			return FAILED;
		}
		arguments.rejectUnknown();
		try {
			VerifiedPackage verified = verifier.verify(file);
			terminal.out().println(file + ": valid: " + verified.summary());
			if (arguments.flag("--manifest")) {
				terminal.out().print(PackageFormat.toJson(verified.manifest()));
			}
			return OK;
		} catch (PackageRejectedException e) {
			terminal.err().println(file + ": invalid: " + e.getMessage());
			return FAILED;
		}
	}
}
