package dev.cabin.cli.tests;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import dev.cabin.car.Terminal;
import dev.cabin.cli.Main;

/** Runs the command line in-process, as a user would run {@code ./cabin}, and keeps what it printed. */
final class CabinCommand {

	final int exitCode;
	final String out;
	final String err;

	private CabinCommand(int exitCode, String out, String err) {
		this.exitCode = exitCode;
		this.out = out;
		this.err = err;
	}

	static CabinCommand run(String... args) {
		return runWithInput("", args);
	}

	static CabinCommand runWithInput(String input, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		int exitCode = new Main(terminal).run(args);
		return new CabinCommand(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Whether anything printed looks like a Java stack trace, which users must never see. */
	boolean printedAStackTrace() {
		String all = out + err;
		return all.contains("Exception") || all.matches("(?s).*\\n\\s+at [a-z].*");
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}
}
