package dev.cabin.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.cabin.lab.FalseAccepts;

/**
 * The false accepts of an agent on the held-back background, as {@code labtest} and {@code test} print them; the
 * counts of lines have a thousands separator, as the rate beside them ("per 1,000") has.
 */
final class FalseAcceptsLines {

	/** Worst examples printed; the JSON and HTML reports have more. */
	static final int PRINTED = 5;

	private FalseAcceptsLines() {
	}

	static void print(String agent, FalseAccepts accepts, PrintStream out) {
		out.printf(Locale.ROOT, "%s: false accepts %.1f per 1,000 unrelated requests (%,d of %,d held-back"
				+ " background lines acted on; %,d left out as its own domain)%n", agent, accepts.perThousand(),
				accepts.accepted(), accepts.lines(), accepts.leftOut());
		out.printf(Locale.ROOT, "  %-24s %.1f per 1,000 (%,d of %,d): \"Did you mean ...?\" instead of acting%n",
				"asked first", accepts.askedPerThousand(), accepts.asked(), accepts.lines());
		out.printf("  %-24s %s%n", "by locale", accepts.byLocale().entrySet().stream()
				.map(entry -> String.format(Locale.ROOT, "%s %.1f per 1,000 (%,d of %,d; %,d asked first)",
						entry.getKey(), entry.getValue().perThousand(), entry.getValue().accepted(),
						entry.getValue().lines(), entry.getValue().asked()))
				.collect(Collectors.joining(", ")));
		if (!accepts.byIntent().isEmpty()) {
			out.printf("  %-24s %s%n", "taken for", accepts.takenFor());
		}
		accepts.worst().stream().limit(PRINTED).forEach(accept -> out.printf(Locale.ROOT, "  %-24s \"%s\" -> %s (%.3f, %s)%n",
				"worst", accept.text(), accept.intent(), accept.score(), accept.label()));
	}
}
