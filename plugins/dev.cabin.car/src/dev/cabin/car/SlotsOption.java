package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Path;

import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;

/** The {@code --slots DIR} option of install, rollback and run, and how the slots' state is told. */
final class SlotsOption {

	private SlotsOption() {
	}

	static Path required(Arguments arguments) throws UsageException {
		String slots = arguments.option("--slots");
		if (slots == null) {
			throw new UsageException("name the build slot directory with --slots DIR");
		}
		return Path.of(slots);
	}

	/** Which build the slots run now, in one sentence. */
	static String describeActive(BuildSlots slots, PackageVerifier verifier) {
		try {
			String active = slots.activeSlot();
			if (active == null) {
				return "nothing is installed";
			}
			return "slot " + active + " (version " + slots.active(verifier).manifest().version() + ") is still active";
		} catch (PackageRejectedException | IOException e) {
			return e.getMessage();
		}
	}
}
