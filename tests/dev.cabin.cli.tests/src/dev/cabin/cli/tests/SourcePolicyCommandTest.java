package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.LoopbackLlm;

/**
 * What the commands that read sources do with a file that is not a source, or an import that leaves the
 * project: a located error naming the file, exit 1, no stack trace, nothing fetched, nothing that blocks.
 */
class SourcePolicyCommandTest {

	private static final Duration HANG_GUARD = Duration.ofSeconds(120);
	private static final String AGENT = "agent Importer {\n\tlocales en-US\n}\n";

	@TempDir
	Path dir;

	private static void assertRefused(CabinCommand command, String located, String code) {
		assertEquals(1, command.exitCode, command.toString());
		assertFalse(command.printedAStackTrace(), command.toString());
		assertTrue((command.out + command.err).lines().anyMatch(l -> l.startsWith(located) && l.endsWith("[" + code + "]")),
				located + " ... [" + code + "] in\n" + command);
	}

	@Test
	void everyCommandReportsAFileNotNamedCabinAtTheFileWithoutAStackTrace() throws IOException {
		for (String name : List.of("passwd", "X.CABIN", "x.cabin.txt")) {
			Path file = dir.resolve(name);
			Files.writeString(file, "root:x:0:0:root:/root:/bin/bash\n");
			String located = file + ":1:1: error: cannot read this file: its name does not end in .cabin";

			assertRefused(CabinCommand.run("check", file.toString()), located, "notACabinFile");
			assertRefused(CabinCommand.run("build", file.toString(), "-o", dir.resolve("out.json").toString()), located,
					"notACabinFile");
			assertRefused(CabinCommand.run("test", file.toString()), located, "notACabinFile");
			assertRefused(CabinCommand.run("diagram", file.toString(), "--svg", dir.resolve("out.svg").toString()),
					located, "notACabinFile");
			assertRefused(CabinCommand.runWithInput("hello\n", "chat", file.toString()), located, "notACabinFile");
		}
		assertFalse(Files.exists(dir.resolve("out.json")) || Files.exists(dir.resolve("out.svg")), "nothing written");
	}

	@Test
	void aNamedPipeIsReportedAndNothingBlocks() throws Exception {
		Path pipe = dir.resolve("pipe.cabin");
		assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());

		CabinCommand check = assertTimeoutPreemptively(HANG_GUARD, () -> CabinCommand.run("check", pipe.toString()));

		assertRefused(check, pipe + ":1:1: error: cannot read this file: it is a named pipe (FIFO), not a regular file",
				"notARegularFile");
		CabinCommand folder = assertTimeoutPreemptively(HANG_GUARD, () -> CabinCommand.run("check", dir.toString()));
		assertRefused(folder, pipe + ":1:1: error:", "notARegularFile");
	}

	@Test
	void aLinkToDevZeroIsReportedWithoutReadingIt() throws Exception {
		Path zero = Files.createSymbolicLink(dir.resolve("z.cabin"), Path.of("/dev/zero"));

		CabinCommand check = assertTimeoutPreemptively(HANG_GUARD, () -> CabinCommand.run("check", zero.toString()));

		assertRefused(check, zero + ":1:1: error: cannot read this file: it is a character device, not a regular file",
				"notARegularFile");
	}

	@Test
	void aFolderNamedLikeASourceIsSearchedNotRead() throws IOException {
		Path folder = Files.createDirectories(dir.resolve("a.cabin"));

		CabinCommand check = CabinCommand.run("check", folder.toString());

		assertEquals(2, check.exitCode, check.toString());
		assertTrue(check.err.contains("no .cabin file in " + folder), check.err);
		assertFalse(check.printedAStackTrace(), check.toString());
	}

	@Test
	void aFilePastTheSizeLimitIsReportedWithTheLimit() throws IOException {
		Path large = dir.resolve("large.cabin");
		try (RandomAccessFile sparse = new RandomAccessFile(large.toFile(), "rw")) {
			sparse.setLength(16L * 1024 * 1024 + 1);
		}

		CabinCommand check = CabinCommand.run("check", large.toString());

		assertRefused(check, large + ":1:1: error: cannot read this file: it is 16777217 bytes, over the limit of "
				+ "16777216 bytes for a source file (CABIN_MAX_SOURCE_BYTES or -Dcabin.maxSourceBytes raises it)",
				"sourceTooLarge");
	}

	@Test
	void theLimitIsSetByTheEnvironment() throws Exception {
		Path file = dir.resolve("small.cabin");
		Files.writeString(file, AGENT);

		CabinProcess lowered = CabinProcess.run(dir, Map.of("CABIN_MAX_SOURCE_BYTES", "10"), List.of(), "check",
				file.toString());
		CabinProcess bad = CabinProcess.run(dir, Map.of("CABIN_MAX_SOURCE_BYTES", "lots"), List.of(), "check",
				file.toString());

		assertEquals(1, lowered.exitCode, lowered.toString());
		assertTrue(lowered.out.contains("over the limit of 10 bytes"), lowered.toString());
		assertEquals(1, bad.exitCode, bad.toString());
		assertTrue(bad.out.contains("CABIN_MAX_SOURCE_BYTES=lots is not a number of bytes above 0 [sourceTooLarge]"),
				bad.toString());
	}

	@Test
	void anImportOfAUrlFetchesNothingAndIsAnErrorAtTheImport() throws IOException {
		try (LoopbackLlm server = new LoopbackLlm()) {
			Path agent = dir.resolve("agent.cabin");
			Files.writeString(agent, "import \"" + server.url() + "/x.cabin\"\n" + AGENT);

			CabinCommand check = CabinCommand.run("check", agent.toString());

			assertEquals(List.of(), server.received(), "no request reached the server");
			assertRefused(check, agent + ":1:8: error: cannot import \"" + server.url() + "/x.cabin\": it is a URL",
					"importNotAPath");
		}
	}

	@Test
	void importsOutsideTheProjectAreErrorsAtTheImport() throws IOException {
		Path project = Files.createDirectories(dir.resolve("project"));
		Files.writeString(dir.resolve("outside.cabin"), AGENT.replace("Importer", "Outside"));
		for (String imported : List.of("/etc/passwd", "file:///etc/passwd", "/etc", "../outside.cabin")) {
			Path agent = project.resolve("agent.cabin");
			Files.writeString(agent, "import \"" + imported + "\"\n" + AGENT);

			CabinCommand check = CabinCommand.run("check", agent.toString());

			assertRefused(check, agent + ":1:8: error: cannot import \"" + imported + "\": it is outside", "importOutsideProject");
		}
	}

	@Test
	void aGarbageFileInsideTheProjectIsAnErrorAtTheImport() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(16).nextBytes(garbage);
		Files.write(dir.resolve("garbage.cabin"), garbage);
		Path agent = dir.resolve("agent.cabin");
		Files.writeString(agent, "import \"garbage.cabin\"\n" + AGENT);

		CabinCommand check = CabinCommand.run("check", agent.toString());

		assertRefused(check, agent + ":1:8: error: cannot import \"garbage.cabin\": it has ", "importHasErrors");
	}
}
