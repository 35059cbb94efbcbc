package dev.cabin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrCodec;

/** {@code cabin build FILE... -o OUT.json}: compile agents to the engine's IR. */
final class BuildCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String output = arguments.option("-o", "--output");
		arguments.rejectUnknown();
		if (output == null) {
			throw new UsageException("name the output file with -o OUT.json");
		}
		CabinIr ir = Toolchain.compile(SourceFiles.expand(arguments.positional()), terminal);
		if (ir == null) {
			return Main.FAILED;
		}
		Path target = Path.of(output);
		try (OutputStream out = Files.newOutputStream(target)) {
			new IrCodec().write(ir, out);
		} catch (IOException e) {
			terminal.err().println("cabin build: cannot write " + output + ": " + e.getMessage());
			return Main.FAILED;
		}
		terminal.err().println("wrote " + output + " (" + ir.agents().size() + " agent"
				+ (ir.agents().size() == 1 ? "" : "s") + ")");
		return Main.OK;
	}
}
