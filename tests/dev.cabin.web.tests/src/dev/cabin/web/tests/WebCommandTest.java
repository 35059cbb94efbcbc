package dev.cabin.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.web.WebCommand;

/** {@code cabin web}'s arguments, and what it says when it cannot serve. */
class WebCommandTest {

	@TempDir
	Path folder;
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) throws UsageException {
		Terminal terminal = new Terminal(new BufferedReader(new StringReader("")),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		WebCommand command = new WebCommand(() -> TestServers.COMPILER);
		return command.run(Arguments.parse(args, command.flags()), terminal);
	}

	@Test
	void itServesOneFolderThatExists() throws Exception {
		Files.writeString(folder.resolve("file.cabin"), "");

		assertTrue(assertThrows(UsageException.class, () -> run(folder.resolve("file.cabin").toString())).getMessage()
				.endsWith("is not a folder"));
		assertTrue(assertThrows(UsageException.class, () -> run(folder.toString(), folder.toString())).getMessage()
				.startsWith("serves one folder"));
		assertTrue(assertThrows(UsageException.class, () -> run(folder.toString(), "--port", "none")).getMessage()
				.contains("--port needs a number"));
		assertTrue(assertThrows(UsageException.class, () -> run(folder.toString(), "--token", "x")).getMessage()
				.contains("unknown option --token"));
	}

	@Test
	void aPortInUseIsSaidInASentence() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			int exit = run(folder.toString(), "--port", String.valueOf(taken.getLocalPort()));

			assertEquals(Command.FAILED, exit);
			String said = err.toString(StandardCharsets.UTF_8);
			assertEquals("cabin web: cannot listen on 127.0.0.1:" + taken.getLocalPort()
					+ ": the port is in use or not allowed (choose another with --port)\n", said);
		}
	}

	@Test
	void aSigningKeyThatCannotBeReadIsSaidInASentenceBeforeAnythingListens() throws Exception {
		Files.writeString(folder.resolve("not-a-key"), "hello\n");

		int missing = run(folder.toString(), "--key", folder.resolve("none").toString(), "--port", "1");
		int notAKey = run(folder.toString(), "--key", folder.resolve("not-a-key").toString(), "--port", "1");

		assertEquals(Command.FAILED, missing);
		assertEquals(Command.FAILED, notAKey);
		String said = err.toString(StandardCharsets.UTF_8);
		assertEquals(2, said.lines().count(), said);
		said.lines().forEach(line -> assertTrue(line.startsWith("cabin web: ") && !line.contains("Exception")
				&& !line.contains("cannot listen"), said));
		assertTrue(said.contains("none") && said.contains("not-a-key"), said);
	}
}
