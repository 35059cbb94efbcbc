package dev.cabin.dsl.ide.server;

/**
 * What a failure says in one short line: for a reply or a log, never a stack trace nor the text of a document
 * (Xtext's position errors append the whole document to their message).
 */
final class Problems {

	private static final int MAX_LENGTH = 200;

	private Problems() {
	}

	/** The message of the innermost cause, its first line, shortened. */
	static String describe(Throwable failure) {
		Throwable innermost = innermost(failure);
		String message = innermost.getMessage() != null ? innermost.getMessage() : failure.getMessage();
		return message == null ? "no details" : firstLine(message);
	}

	/** The failure's kind and description, for a log line. */
	static String logLine(Throwable failure) {
		return innermost(failure).getClass().getSimpleName() + ": " + describe(failure);
	}

	private static Throwable innermost(Throwable failure) {
		Throwable innermost = failure;
		while (innermost.getCause() != null && innermost.getCause() != innermost) {
			innermost = innermost.getCause();
		}
		return innermost;
	}

	static String firstLine(String text) {
		int end = text.indexOf('\n');
		String line = (end < 0 ? text : text.substring(0, end)).strip();
		return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
	}
}
