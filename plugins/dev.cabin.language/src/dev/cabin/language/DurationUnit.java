package dev.cabin.language;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The units of durations and their lengths. A duration in the language is written with a symbol
 * ({@code within 2 s}, {@code timeout 20 s}, {@code every 5 min}); a number literal may also use a short form
 * ({@code 30 sec}); what occupants say ("ten minutes", "十分钟") and type in a chat may use any name.
 */
public enum DurationUnit {

	MILLISECOND("ms", 1, List.of(), List.of()),
	SECOND("s", 1_000, List.of("sec", "secs"), List.of("second", "seconds", "秒", "秒钟")),
	// "m" is a minute only where no length is expected (speech, chat commands); in a literal it is a metre
	MINUTE("min", 60_000, List.of("mins"), List.of("minute", "minutes", "m", "分钟", "分")),
	HOUR("h", 3_600_000, List.of("hr", "hrs"), List.of("hour", "hours", "小时", "个小时", "钟头"));

	private final String symbol;
	private final long millis;
	private final List<String> shortForms;
	private final List<String> words;

	DurationUnit(String symbol, long millis, List<String> shortForms, List<String> words) {
		this.symbol = symbol;
		this.millis = millis;
		this.shortForms = shortForms;
		this.words = words;
	}

	/** How the language writes the unit: ms, s, min or h. */
	public String symbol() {
		return symbol;
	}

	public long millis(double amount) {
		return Math.round(amount * millis);
	}

	public double seconds(double amount) {
		return amount * millis / 1_000.0;
	}

	/** The symbols, for messages: "ms, s, min, h". */
	public static String symbols() {
		return Arrays.stream(values()).map(DurationUnit::symbol).collect(Collectors.joining(", "));
	}

	/** The unit of a duration as the language writes it, or {@code null}. */
	public static DurationUnit ofSymbol(String symbol) {
		return find(symbol, unit -> Stream.of(unit.symbol));
	}

	/** The unit of a number literal (its symbol or a short form such as sec), or {@code null}. */
	public static DurationUnit ofLiteral(String unit) {
		return find(unit, candidate -> Stream.concat(Stream.of(candidate.symbol), candidate.shortForms.stream()));
	}

	/** The unit by any of its names, as spoken or typed, or {@code null}. */
	public static DurationUnit ofName(String name) {
		return find(name, DurationUnit::names);
	}

	/** A regular expression for any name of any unit, the longest first so that "minutes" is not read as "m". */
	public static String namesRegex() {
		return Arrays.stream(values()).flatMap(DurationUnit::names)
				.sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
				.collect(Collectors.joining("|"));
	}

	private Stream<String> names() {
		return Stream.of(Stream.of(symbol), shortForms.stream(), words.stream()).flatMap(Function.identity());
	}

	private static DurationUnit find(String name, Function<DurationUnit, Stream<String>> names) {
		for (DurationUnit unit : values()) {
			if (names.apply(unit).anyMatch(candidate -> candidate.equals(name))) {
				return unit;
			}
		}
		return null;
	}
}
