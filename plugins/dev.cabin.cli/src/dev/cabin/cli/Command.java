package dev.cabin.cli;

/** One sub-command of the command line. */
interface Command {

	/** The options of this command that take no value. */
	default java.util.Set<String> flags() {
		return java.util.Set.of();
	}

	/** Runs the command and returns its exit code. */
	int run(Arguments arguments, Terminal terminal) throws UsageException;
}
