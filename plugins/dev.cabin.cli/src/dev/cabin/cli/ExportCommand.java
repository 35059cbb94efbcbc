package dev.cabin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.pkg.KeyFileException;
import dev.cabin.engine.pkg.PackageManifest;
import dev.cabin.export.CarExport;
import dev.cabin.export.SigningKey;

/**
 * {@code cabin export AGENT... --profile PROFILE --key KEY -o OUT.cabinpkg [--version X.Y.Z] [--agents A,B]}:
 * checks the agents against the vehicle profile and writes a signed, reproducible car package.
 */
final class ExportCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String profile = arguments.option("--profile");
		String keyFile = arguments.option("--key");
		String output = arguments.option("-o", "--output");
		String version = arguments.option("--version");
		String agents = arguments.option("--agents");
		arguments.rejectUnknown();
		if (profile == null || keyFile == null || output == null) {
			throw new UsageException("give --profile PROFILE, --key KEY and -o OUT.cabinpkg");
		}
		if (!Files.isRegularFile(Path.of(profile))) {
			throw new UsageException("no such profile: " + profile);
		}
		List<Path> sources = SourceFiles.expand(arguments.positional());
		SigningKey key;
		try {
			key = SigningKey.load(Path.of(keyFile));
		} catch (KeyFileException e) {
			terminal.err().println("cabin export: " + e.getMessage());
			return Main.FAILED;
		}
		CarExport.Request request;
		try {
			request = new CarExport.Request(sources, agents == null ? List.of()
					: Arrays.stream(agents.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList(),
					Path.of(profile), key, version == null ? "0.0.0" : version);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--version: " + e.getMessage());
		}
		int[] step = { 0 };
		CarExport.Result result;
		try {
			result = new CarExport(Toolchain.service()).run(request,
					task -> terminal.err().printf("cabin export: [%d/%d] %s%n", ++step[0], CarExport.STEPS, task));
		} catch (UncheckedIOException e) {
			terminal.err().println("cabin export: " + e.getCause().getMessage());
			return Main.FAILED;
		}
		for (Problem problem : result.problems()) {
			terminal.err().println(problem.format());
		}
		if (!result.succeeded()) {
			terminal.err().println("cabin export: no package written; fix the errors above");
			return Main.FAILED;
		}
		try {
			writeAtomically(Path.of(output), result.bytes());
		} catch (IOException e) {
			terminal.err().println("cabin export: cannot write " + output + ": " + e.getMessage());
			return Main.FAILED;
		}
		for (String passed : result.passedChecks()) {
			terminal.err().println("cabin export: checked " + passed);
		}
		PackageManifest manifest = result.manifest();
		terminal.err().println("wrote " + output + " (" + result.bytes().length + " bytes): version "
				+ manifest.version() + ", agents " + String.join(", ", manifest.agents()) + ", for "
				+ manifest.target().profile() + ", signed by " + key.id());
		return Main.OK;
	}

	/* A package is either there whole or not at all, never half written over a good one. */
	private static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Files.createDirectories(target.toAbsolutePath().getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		try {
			Files.write(partial, bytes);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(partial);
		}
	}
}
