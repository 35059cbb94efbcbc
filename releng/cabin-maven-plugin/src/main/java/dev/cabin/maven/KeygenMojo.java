package dev.cabin.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes a new Ed25519 signing key ({@code cabin keygen}): the key file, readable by its owner only, and the
 * public key for cars beside it. Never overwrites a key.
 */
@Mojo(name = "keygen", threadSafe = true)
public class KeygenMojo extends AbstractCabinMojo {

	/** The key file to write; the public key goes to the same name with {@code .pub}. */
	@Parameter(property = "cabin.keyFile", required = true)
	private File keyFile;

	@Override
	List<String> arguments() {
		return List.of("keygen", "-o", keyFile.getPath());
	}
}
