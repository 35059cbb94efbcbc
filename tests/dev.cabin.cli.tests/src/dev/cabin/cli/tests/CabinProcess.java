package dev.cabin.cli.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.cabin.cli.Main;

/**
 * Runs the command line in a child JVM on a plain class path, as {@code ./cabin} does, where a test needs what
 * only a new process has: its own environment variables, home directory and working directory.
 */
final class CabinProcess {

	final int exitCode;
	final String out;
	final String err;

	private CabinProcess(int exitCode, String out, String err) {
		this.exitCode = exitCode;
		this.out = out;
		this.err = err;
	}

	static CabinProcess run(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions,
			String... args) throws IOException, InterruptedException {
		return run(classPath(), Main.class.getName(), workingDirectory, environment, jvmOptions, args);
	}

	/** Runs the command line, killed and reported when it has not finished within the time given (a hang guard). */
	static CabinProcess runWithin(Duration timeout, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions, String... args) throws IOException, InterruptedException {
		return run(classPath(), Main.class.getName(), workingDirectory, environment, jvmOptions, timeout, args);
	}

	/** Runs a main class on another class path, such as a distribution's. */
	static CabinProcess run(String classPath, String mainClass, Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions, String... args) throws IOException, InterruptedException {
		return run(classPath, mainClass, workingDirectory, environment, jvmOptions, Duration.ofMinutes(5), args);
	}

	/* Standard input is empty: a command that waits for typed lines ends instead of hanging the test. */
	private static CabinProcess run(String classPath, String mainClass, Path workingDirectory,
			Map<String, String> environment, List<String> jvmOptions, Duration timeout, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath));
		command.addAll(jvmOptions);
		command.add(mainClass);
		command.addAll(List.of(args));
		return runProgram(command, workingDirectory, environment, timeout);
	}

	/** Runs a program, such as a launcher script, killed and reported when it has not finished in time. */
	static CabinProcess runProgram(List<String> command, Path workingDirectory, Map<String, String> environment,
			Duration timeout) throws IOException, InterruptedException {
		Path out = Files.createTempFile("cabin-out", ".txt");
		Path err = Files.createTempFile("cabin-err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout.toSeconds()
						+ " s:\n--- out\n" + text(out) + "--- err\n" + text(err));
			}
			return new CabinProcess(process.exitValue(), text(out), text(err));
		} finally {
			Files.delete(out);
			Files.delete(err);
		}
	}

	/* Leniently: what a process printed is examined, even when it is not valid UTF-8. */
	private static String text(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	/** The jars (or class folders) of every bundle of the test runtime: a superset of what the CLI needs. */
	private static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		for (Bundle bundle : FrameworkUtil.getBundle(CabinProcess.class).getBundleContext().getBundles()) {
			FileLocator.getBundleFileLocation(bundle).map(File::toPath).ifPresent(path -> {
				if (Files.isRegularFile(path)) {
					entries.add(path.toString());
				} else if (Files.isDirectory(path.resolve("target/classes"))) {
					entries.add(path.resolve("target/classes").toString());
				}
			});
		}
		return String.join(File.pathSeparator, entries);
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}
}
