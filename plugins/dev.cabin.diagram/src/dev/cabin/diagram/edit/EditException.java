package dev.cabin.diagram.edit;

/** A diagram edit that cannot be made as asked; the message says why, in the author's terms. */
public class EditException extends Exception {

	private static final long serialVersionUID = 1L;

	public EditException(String message) {
		super(message);
	}
}
