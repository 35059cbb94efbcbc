package dev.cabin.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

/**
 * The cabin command line of the toolchain distribution this plugin depends on: unpacked once into the build
 * directory and run in a child JVM on its plain class path, exactly as {@code ./cabin} runs it.
 */
final class CabinToolchain {

	static final String DISTRIBUTION = "dev.cabin:dev.cabin.cli.dist";
	private static final String MAIN = "dev.cabin.cli.Main";

	private final Path plugins;

	private CabinToolchain(Path plugins) {
		this.plugins = plugins;
	}

	/** The toolchain, unpacked into {@code directory} unless the same distribution already is. */
	static CabinToolchain in(PluginDescriptor plugin, Path directory, Log log) throws MojoExecutionException {
		Artifact distribution = plugin.getArtifactMap().get(DISTRIBUTION);
		if (distribution == null || distribution.getFile() == null) {
			throw new MojoExecutionException("the Cabin toolchain (" + DISTRIBUTION + ") is not among the plugin's"
					+ " dependencies; the plugin is broken");
		}
		Path zip = distribution.getFile().toPath();
		Path plugins = directory.resolve("plugins");
		Path stamp = directory.resolve("unpacked-from");
		try {
			String source = zip.toAbsolutePath() + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip);
			if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
				log.info("Unpacking the Cabin toolchain " + distribution.getVersion() + " into " + directory);
				unpack(zip, plugins);
				Files.writeString(stamp, source);
			}
		} catch (IOException e) {
			throw new MojoExecutionException("cannot unpack the Cabin toolchain " + zip + ": " + e.getMessage(), e);
		}
		return new CabinToolchain(plugins);
	}

	/* Only the jars of plugins/, each by its plain file name: nothing in the zip can write elsewhere. */
	private static void unpack(Path zip, Path plugins) throws IOException {
		if (Files.isDirectory(plugins)) {
			try (var old = Files.list(plugins)) {
				for (Path file : (Iterable<Path>) old::iterator) {
					Files.delete(file);
				}
			}
		}
		Files.createDirectories(plugins);
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				String name = entry.getName();
				if (name.startsWith("plugins/") && name.endsWith(".jar") && name.indexOf('/', 8) < 0
						&& !name.contains("..")) {
					Files.copy(in, plugins.resolve(name.substring(8)), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * Runs {@code cabin ARGS...} and returns its exit code; its output goes to the log, its errors and warnings
	 * as errors and warnings.
	 */
	int run(List<String> args, Path workingDirectory, Log log) throws MojoExecutionException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xss4m", "-cp", plugins.resolve("*").toString(), MAIN));
		command.addAll(args);
		log.debug("running " + String.join(" ", command));
		try {
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
			process.getOutputStream().close();
			Thread errors = new Thread(() -> lines(process.getErrorStream(), line -> {
				if (line.contains(": error: ") || line.contains(": invalid: ") || line.contains(" refused: ")) {
					log.error(line);
				} else if (line.contains(": warning: ")) {
					log.warn(line);
				} else {
					log.info(line);
				}
			}), "cabin stderr");
			errors.start();
			lines(process.getInputStream(), log::info);
			errors.join();
			return process.waitFor();
		} catch (IOException e) {
			throw new MojoExecutionException("cannot run the Cabin toolchain: " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("interrupted while running the Cabin toolchain", e);
		}
	}

	private static void lines(InputStream stream, Consumer<String> sink) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				sink.accept(line);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
