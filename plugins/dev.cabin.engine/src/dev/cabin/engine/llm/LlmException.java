package dev.cabin.engine.llm;

/** A failed model call, classified so that the engine knows whether to retry. */
public class LlmException extends Exception {

	private static final long serialVersionUID = 1L;

	public enum Kind {
		/** No answer in time. */
		TIMEOUT(true),
		/** HTTP 429. */
		RATE_LIMITED(true),
		/** HTTP 5xx or a broken connection. */
		SERVER(true),
		/** An answer that is not what the protocol says. */
		MALFORMED(false),
		/** The request was refused (4xx other than 429), or nothing is recorded for it in a cassette. */
		REFUSED(false),
		/** The circuit breaker is open: recent calls failed, so this one was not sent. */
		CIRCUIT_OPEN(false);

		private final boolean transient_;

		Kind(boolean transient_) {
			this.transient_ = transient_;
		}

		/** Whether trying again later may succeed. */
		public boolean isTransient() {
			return transient_;
		}
	}

	private final Kind kind;

	public LlmException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public LlmException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}
}
