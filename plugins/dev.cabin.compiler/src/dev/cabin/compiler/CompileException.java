package dev.cabin.compiler;

/**
 * Something in a model that validation let through but that has no meaning for the engine, such as a
 * duration in an unknown unit; the message starts with the location ({@code file:line:col}).
 */
public class CompileException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CompileException(String message) {
		super(message);
	}
}
