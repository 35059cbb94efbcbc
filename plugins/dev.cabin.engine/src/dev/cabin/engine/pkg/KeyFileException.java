package dev.cabin.engine.pkg;

/** A key file that cannot be used: missing, not a key of the right kind, or not private enough. */
public class KeyFileException extends Exception {

	private static final long serialVersionUID = 1L;

	public KeyFileException(String message) {
		super(message);
	}

	public KeyFileException(String message, Throwable cause) {
		super(message, cause);
	}
}
