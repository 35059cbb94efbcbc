package dev.cabin.lab;

/** A corpus that cannot be read; the message names the file and, where there is one, the line. */
public class CorpusException extends Exception {

	private static final long serialVersionUID = 1L;

	public CorpusException(String message) {
		super(message);
	}
}
