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
}
