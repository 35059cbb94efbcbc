package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;

/**
 * {@code cabin install PKG --trust PUBKEY --slots DIR [--allow-downgrade] [--vehicle ID]}: verifies the package
 * and makes it the active build of the A/B slots, keeping the previous one; the models the package names are
 * extracted into its slot, checked against the package as they are written, for {@code cabin run} to load.
 */
final class InstallCommand implements Command {

	@Override
	public Set<String> flags() {
		return Set.of("--allow-downgrade");
	}

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		Path file = CarBuilds.single(arguments, "package to install");
		Path directory = SlotsOption.required(arguments);
		BuildSlots slots = new BuildSlots(directory).keepingModels(OnnxModels.slotModels(line -> {
		}));
		PackageVerifier verifier;
		try {
			verifier = CarBuilds.verifier(arguments, directory);
		} catch (KeyFileException e) {
			terminal.err().println("cabin install: " + e.getMessage());
			return FAILED;
		}
		arguments.rejectUnknown();
		try {
			BuildSlots.Switch done = slots.install(file, verifier, arguments.flag("--allow-downgrade"));
			terminal.out().println("installed version " + done.version() + " in slot " + done.slot() + " (active)"
					+ (done.previousVersion() == null ? ""
							: "; version " + done.previousVersion() + " stays in slot " + done.previousSlot()
									+ " for cabin rollback"));
			return OK;
		} catch (PackageRejectedException e) {
			terminal.err().println("cabin install: " + file + " refused: " + e.getMessage());
			terminal.err().println("cabin install: " + SlotsOption.describeActive(slots, verifier));
			return FAILED;
		} catch (IOException e) {
			terminal.err().println("cabin install: cannot write the slots: " + e.getMessage());
			terminal.err().println("cabin install: " + SlotsOption.describeActive(slots, verifier));
			return FAILED;
		}
	}
}
