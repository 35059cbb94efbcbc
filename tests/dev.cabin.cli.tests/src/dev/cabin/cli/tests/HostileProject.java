package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;

/**
 * A project folder for one hostile case, and the command line run on it as a user would, in a child JVM with a
 * bounded heap, its own temp folder and IR cache, and a hang guard. Whatever the input, a run must finish in
 * time, print no stack trace, change nothing in the project (names, kinds, sizes, hashes; links and devices are
 * not followed), leave no partial file in the IR cache and nothing in its temp folder.
 */
final class HostileProject {

	static final Duration HANG_GUARD = Duration.ofSeconds(90);
	private static final String HEAP = "-Xmx256m";
	private static final Pattern STACK_TRACE = Pattern
			.compile("(?m)^\\s+at [\\w$.<>/]+\\(|Exception in thread|java\\.lang\\.|^Caused by: ");

	final Path project;
	private final Path temp;
	private final Path cache;
	private final Map<String, String> environment = new HashMap<>();

	HostileProject(Path dir) throws IOException {
		project = Files.createDirectories(dir.resolve("project"));
		temp = Files.createDirectories(dir.resolve("temp"));
		cache = Files.createDirectories(dir.resolve("cache"));
	}

	Path write(String name, String content) throws IOException {
		return Files.writeString(project.resolve(name), content, StandardCharsets.UTF_8);
	}

	Path write(String name, byte[] content) throws IOException {
		return Files.write(project.resolve(name), content);
	}

	HostileProject environment(String name, String value) {
		environment.put(name, value);
		return this;
	}

	/** Runs {@code cabin ARGS...} in the project folder. */
	Run run(String... args) throws IOException, InterruptedException {
		Map<String, String> before = snapshot(project);
		CabinProcess process = CabinProcess.runWithin(HANG_GUARD, project, environment,
				List.of(HEAP, "-Djava.io.tmpdir=" + temp, "-Dcabin.cache=" + cache), args);
		return new Run(process, before, snapshot(project), partials(), names(temp));
	}

	/** What a run did, and the checks every hostile case makes of it. */
	record Run(CabinProcess process, Map<String, String> before, Map<String, String> after, List<String> partials,
			List<String> leftInTemp) {

		String printed() {
			return process.out + process.err;
		}

		/** Refused: a non-zero exit and a message with the location the pattern describes, and safe. */
		void assertRefused(String location) {
			assertAll(Stream.concat(Stream.of(
					() -> assertNotEquals(0, process.exitCode, "exit code; " + process),
					() -> assertTrue(Pattern.compile(location).matcher(printed()).find(),
							"a location matching " + location + "; " + process)), safety()));
		}

		/** Handled: the given exit code, and safe. */
		void assertHandled(int exitCode) {
			assertAll(Stream.concat(Stream.of(() -> assertEquals(exitCode, process.exitCode, "exit code; " + process)),
					safety()));
		}

		Stream<Executable> safety() {
			return Stream.of(
					() -> assertFalse(STACK_TRACE.matcher(printed()).find(), "a stack trace was printed; " + process),
					() -> assertEquals(before, after, "the project changed"),
					() -> assertEquals(List.of(), partials, "partial files in the IR cache"),
					() -> assertEquals(List.of(), leftInTemp, "left in the temp folder"));
		}
	}

	private List<String> partials() throws IOException {
		return names(cache).stream().filter(name -> Path.of(name).getFileName().toString().startsWith("partial-"))
				.toList();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(path -> !path.equals(folder)).map(path -> folder.relativize(path).toString()).sorted()
					.toList();
		}
	}

	/* Every entry's kind, and a regular file's size and hash; links and special files are not followed or read. */
	private static Map<String, String> snapshot(Path root) throws IOException {
		Map<String, String> entries = new TreeMap<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				entries.put(root.relativize(dir).toString(), "folder");
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String name = root.relativize(file).toString();
				if (attributes.isSymbolicLink()) {
					entries.put(name, "link to " + Files.readSymbolicLink(file));
				} else if (attributes.isRegularFile()) {
					entries.put(name, attributes.size() + " bytes, SHA-256 " + sha256(file));
				} else {
					entries.put(name, "special file");
				}
				return FileVisitResult.CONTINUE;
			}
		});
		return entries;
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
