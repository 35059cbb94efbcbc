package dev.cabin.car;

/** One sub-command of the command line. Exit codes: 0 success, 1 the input has errors, 2 bad usage. */
public interface Command {

	int OK = 0;
	int FAILED = 1;
	int USAGE = 2;

	/** The options of this command that take no value. */
	default java.util.Set<String> flags() {
		return java.util.Set.of();
	}

	/** Runs the command and returns its exit code. */
	int run(Arguments arguments, Terminal terminal) throws UsageException;
}
