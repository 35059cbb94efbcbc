package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.cabin.car.TerminalOutput;

class TerminalOutputTest {

	@Test
	void escapeSequencesNeverReachTheTerminalButLinesAndUtf8Do() {
		ByteArrayOutputStream terminal = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(new TerminalOutput(terminal), true, StandardCharsets.UTF_8);

		out.println("pkg\u001b[2J\u001b]0;pwned\u0007.cabinpkg: invalid\tstill 座舱\u007f");
		out.print("\rdone");
		out.write(0x1b);
		out.flush();

		assertEquals("pkg[2J]0;pwned.cabinpkg: invalid\tstill 座舱" + System.lineSeparator() + "\rdone",
				terminal.toString(StandardCharsets.UTF_8));
	}
}
