package dev.cabin.web;

/**
 * A request the server does not carry out: the HTTP status it answers with and the reason, in words, that the
 * browser shows. Carries no stack trace: it is an answer, not a failure.
 */
final class Refusal extends Exception {

	private static final long serialVersionUID = 1L;

	static final int FORBIDDEN = 403;
	static final int NOT_FOUND = 404;
	static final int CONFLICT = 409;
	static final int TOO_LARGE = 413;
	static final int BAD_REQUEST = 400;
	static final int PRECONDITION_REQUIRED = 428;

	private final int status;

	Refusal(int status, String reason) {
		super(reason, null, false, false);
		this.status = status;
	}

	int status() {
		return status;
	}
}
