package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Path;

import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;

/** {@code cabin rollback --slots DIR --trust PUBKEY}: makes the previous build active again, if it verifies. */
final class RollbackCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		Path directory = SlotsOption.required(arguments);
		PackageVerifier verifier;
		try {
			verifier = CarBuilds.verifier(arguments, directory);
		} catch (KeyFileException e) {
			terminal.err().println("cabin rollback: " + e.getMessage());
			return FAILED;
		}
		arguments.rejectUnknown();
		if (!arguments.positional().isEmpty()) {
			throw new UsageException("rollback takes no file, only --slots DIR and --trust PUBKEY");
		}
		try {
			BuildSlots.Switch done = new BuildSlots(directory).rollback(verifier);
			terminal.out().println("rolled back to version " + done.version() + " (slot " + done.slot() + ")"
					+ (done.previousVersion() == null ? "" : "; version " + done.previousVersion() + " stays in slot "
							+ done.previousSlot()));
			return OK;
		} catch (PackageRejectedException | IOException e) {
			terminal.err().println("cabin rollback: " + e.getMessage());
			return FAILED;
		}
	}
}
