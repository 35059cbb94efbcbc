package dev.cabin.fleet.tests;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cabin.car.Terminal;
import dev.cabin.cli.Main;

/** The cabin command line run in-process with a given environment, keeping what it printed. */
record CabinCli(int exitCode, String out, String err) {

	static CabinCli run(Map<String, String> environment, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Terminal terminal = new Terminal(new BufferedReader(new StringReader("")),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		int exitCode = new Main(terminal, environment).run(args);
		return new CabinCli(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static CabinCli run(String... args) {
		return run(Map.of(), args);
	}

	boolean printedAStackTrace() {
		String all = out + err;
		return all.contains("Exception") || all.matches("(?s).*\\n\\s+at [a-z].*");
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}
}
