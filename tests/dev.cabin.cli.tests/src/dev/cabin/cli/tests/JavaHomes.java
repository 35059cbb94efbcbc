package dev.cabin.cli.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java installations a launcher is tried with: the one running the tests and, when the folder it is installed
 * in holds one, a Java 25 or later, on which the car's launcher keeps an ahead-of-time cache instead.
 */
final class JavaHomes {

	private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

	private JavaHomes() {
	}

	static List<Path> onThisMachine() throws IOException {
		Path running = Path.of(System.getProperty("java.home"));
		try (Stream<Path> installed = Files.list(running.getParent())) {
			return Stream.concat(Stream.of(running),
					installed.filter(home -> release(home) >= 25).sorted().limit(1)).distinct().toList();
		}
	}

	/** The feature release in an installation's release file, as the launcher reads it; 0 when there is none. */
	private static int release(Path home) {
		try {
			Matcher version = VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
			return version.find() ? Integer.parseInt(version.group(1)) : 0;
		} catch (IOException e) {
			return 0;
		}
	}
}
