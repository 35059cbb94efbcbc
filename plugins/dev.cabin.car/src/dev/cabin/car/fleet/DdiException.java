package dev.cabin.car.fleet;

import java.io.IOException;

/** hawkBit could not be reached, refused the car, or answered something a DDI client cannot use. */
public class DdiException extends IOException {

	private static final long serialVersionUID = 1L;

	public DdiException(String message) {
		super(message);
	}

	public DdiException(String message, Throwable cause) {
		super(message, cause);
	}
}
