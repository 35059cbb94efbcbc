package dev.cabin.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.export.SigningKey;

/** {@code cabin keygen -o KEYFILE}: a new Ed25519 signing key (owner-only file) and KEYFILE.pub beside it. */
final class KeygenCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String output = arguments.option("-o", "--output");
		arguments.rejectUnknown();
		if (output == null || !arguments.positional().isEmpty()) {
			throw new UsageException("name the key file with -o KEYFILE (and nothing else)");
		}
		Path keyFile = Path.of(output);
		SigningKey key = SigningKey.generate();
		try {
			key.save(keyFile);
		} catch (KeyFileException e) {
			terminal.err().println("cabin keygen: " + e.getMessage());
			return Main.FAILED;
		} catch (IOException e) {
			terminal.err().println("cabin keygen: cannot write " + keyFile + ": " + e.getMessage());
			return Main.FAILED;
		}
		terminal.err().println("wrote " + keyFile + " (the private key, readable by you only: keep it secret) and "
				+ SigningKey.publicKeyFile(keyFile) + " (the public key, for cars: cabin install --trust)");
		terminal.out().println(key.id());
		return Main.OK;
	}
}
