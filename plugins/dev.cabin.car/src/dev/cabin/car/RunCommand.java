package dev.cabin.car;

import java.io.IOException;
import java.nio.file.Path;

import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.pkg.BuildSlots;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageRejectedException;
import dev.cabin.engine.pkg.PackageVerifier;
import dev.cabin.engine.pkg.VerifiedPackage;

/**
 * {@code cabin run (--slots DIR | PKG) --trust PUBKEY}, with {@code --agent ID} and {@code --script EVENTS.jsonl}
 * as {@code cabin chat} has them: runs the engine as a car does, on a package verified with the car's key only
 * (never with a key found in the slots).
 */
final class RunCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String agentId = arguments.option("--agent");
		Path script = Conversation.script(arguments);
		String slotsOption = arguments.option("--slots");
		Path slotsDirectory = slotsOption == null ? null : Path.of(slotsOption);
		PackageVerifier verifier;
		try {
			verifier = CarBuilds.verifierBeforeLoading(arguments, slotsDirectory);
		} catch (KeyFileException e) {
			terminal.err().println("cabin run: " + e.getMessage());
			return FAILED;
		}
		arguments.rejectUnknown();
		VerifiedPackage build;
		String from;
		try {
			if (slotsDirectory != null) {
				if (!arguments.positional().isEmpty()) {
					throw new UsageException("give either a package or --slots DIR, not both");
				}
				BuildSlots slots = new BuildSlots(slotsDirectory)
						.keepingModels(OnnxModels.slotModelsLoadingAhead(terminal.err()::println));
				build = slots.active(verifier);
				from = "slot " + slots.activeSlot() + " of " + slotsOption;
			} else {
				Path file = CarBuilds.single(arguments, "package to run (or --slots DIR)");
				build = verifier.verify(file);
				from = file.toString();
			}
			terminal.err().println("running " + from + ": " + build.summary());
			return new Conversation(false).talk(build.startEngine(OnnxModels.encoders()), agentId, false, script,
					terminal);
		} catch (PackageRejectedException e) {
			terminal.err().println("cabin run: refused: " + e.getMessage());
			return FAILED;
		} catch (IOException e) {
			terminal.err().println("cabin run: cannot read the build slots: " + e.getMessage());
			return FAILED;
		}
	}
}
