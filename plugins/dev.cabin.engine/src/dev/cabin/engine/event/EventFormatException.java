package dev.cabin.engine.event;

/** An input event that cannot be understood; the message says why, without a stack trace. */
public class EventFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	public EventFormatException(String message) {
		super(message);
	}
}
