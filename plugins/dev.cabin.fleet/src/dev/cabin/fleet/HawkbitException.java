package dev.cabin.fleet;

/**
 * hawkBit could not be reached, refused the credentials, or refused a request; the message says which, with
 * hawkBit's own reason, and is meant to be printed as it is (it never holds a password or a token).
 */
public class HawkbitException extends Exception {

	private static final long serialVersionUID = 1L;

	public HawkbitException(String message) {
		super(message);
	}

	public HawkbitException(String message, Throwable cause) {
		super(message, cause);
	}
}
