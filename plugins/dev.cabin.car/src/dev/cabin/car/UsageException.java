package dev.cabin.car;

/** The command line was used wrongly; the message says how to use it right. */
public class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	public UsageException(String message) {
		super(message);
	}
}
