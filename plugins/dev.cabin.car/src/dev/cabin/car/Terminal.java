package dev.cabin.car;

import java.io.BufferedReader;
import java.io.PrintStream;

/** Where a command reads from and writes to; tests pass their own streams. */
public record Terminal(BufferedReader in, PrintStream out, PrintStream err) {
}
