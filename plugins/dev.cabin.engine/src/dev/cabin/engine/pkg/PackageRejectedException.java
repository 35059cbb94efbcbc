package dev.cabin.engine.pkg;

/**
 * A package that must not be loaded or installed; the message says why in words an integrator can act on
 * (which entry, which key, which version).
 */
public class PackageRejectedException extends Exception {

	private static final long serialVersionUID = 1L;

	public PackageRejectedException(String message) {
		super(message);
	}

	public PackageRejectedException(String message, Throwable cause) {
		super(message, cause);
	}
}
