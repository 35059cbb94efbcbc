package dev.cabin.engine.nlu;

/** Where long work (embedding thousands of examples, training a classifier) reports how far it is. */
@FunctionalInterface
public interface Progress {

	/** Reports nothing. */
	Progress NONE = (task, done, total) -> {
	};

	/**
	 * @param task what is being done, e.g. {@code embedding the examples}
	 * @param done how many of the task's units are done
	 * @param total how many there are
	 */
	void report(String task, int done, int total);
}
