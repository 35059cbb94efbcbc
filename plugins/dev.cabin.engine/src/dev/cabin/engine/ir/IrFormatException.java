package dev.cabin.engine.ir;

/** An IR file that this engine cannot read: corrupt, truncated, or of another format version. */
public class IrFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	public IrFormatException(String message) {
		super(message);
	}

	public IrFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
