package dev.cabin.car.fleet;

/** A download that trying again cannot fix: too large, or not the bytes hawkBit's SHA-256 names. */
final class DownloadRefusedException extends DdiException {

	private static final long serialVersionUID = 1L;

	DownloadRefusedException(String message) {
		super(message);
	}
}
