package dev.cabin.car;

import java.io.IOException;

import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.PackageRejectedException;

/** {@code cabin rollback --slots DIR}: makes the previous build active again. */
final class RollbackCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		BuildSlots slots = SlotsOption.required(arguments);
		arguments.rejectUnknown();
		if (!arguments.positional().isEmpty()) {
			throw new UsageException("rollback takes no file, only --slots DIR");
		}
		try {
			BuildSlots.Switch done = slots.rollback();
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
