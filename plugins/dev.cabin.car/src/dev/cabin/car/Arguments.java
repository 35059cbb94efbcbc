package dev.cabin.car;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positional ones, flags the command declares ({@code --trace}) and options with a
 * value ({@code --agent ID}, {@code -o FILE}).
 */
public final class Arguments {

	private final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();
	private final Set<String> flags = new HashSet<>();
	private final Set<String> withoutValue = new HashSet<>();
	private final Set<String> consumed = new HashSet<>();

	public static Arguments parse(String[] args, Set<String> flagNames) {
		Arguments parsed = new Arguments();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("-") || arg.equals("-")) {
				parsed.positional.add(arg);
			} else if (flagNames.contains(arg)) {
				parsed.flags.add(arg);
			} else if (i + 1 < args.length) {
				parsed.options.put(arg, args[++i]);
			} else {
				parsed.withoutValue.add(arg);
			}
		}
		return parsed;
	}

	public List<String> positional() {
		return positional;
	}

	/** The value of an option given by any of its names, or {@code null}. */
	public String option(String... names) {
		for (String name : names) {
			consumed.add(name);
			if (options.containsKey(name)) {
				return options.get(name);
			}
		}
		return null;
	}

	/** The value of an option that counts something, or {@code null} when it is not given. */
	public Integer positiveNumber(String name) throws UsageException {
		String value = option(name);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException(name + " needs a number above 0, not \"" + value + "\"");
	}

	public boolean flag(String name) {
		return flags.contains(name);
	}

	/** Fails on any option that the command did not ask for, so that typos do not pass silently. */
	public void rejectUnknown() throws UsageException {
		for (String name : withoutValue) {
			throw new UsageException(consumed.contains(name) ? "option " + name + " needs a value"
					: "unknown option " + name);
		}
		for (String name : options.keySet()) {
			if (!consumed.contains(name)) {
				throw new UsageException("unknown option " + name);
			}
		}
	}
}
