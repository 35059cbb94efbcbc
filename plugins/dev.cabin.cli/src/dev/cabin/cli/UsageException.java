package dev.cabin.cli;

/** The command line was used wrongly; the message says how to use it right. */
class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}
}
