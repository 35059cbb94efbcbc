package dev.cabin.engine.llm;

/**
 * How the engine treats a model that fails: a time limit per attempt, retries with exponential backoff for
 * transient failures (429, 5xx, timeouts), and a circuit breaker that stops calling a model whose calls keep
 * failing, for a while.
 *
 * @param timeoutMs the longest an attempt may take
 * @param retries attempts after the first, for transient failures
 * @param backoffMs the wait before the first retry; it doubles for each further retry
 * @param breakerFailures failed calls in a row that open the circuit
 * @param breakerOpenMs how long an open circuit refuses calls before it lets one through again
 */
public record FaultPolicy(long timeoutMs, int retries, long backoffMs, int breakerFailures, long breakerOpenMs) {

	public static final FaultPolicy DEFAULT = new FaultPolicy(8_000, 2, 250, 3, 30_000);

	public FaultPolicy {
		if (timeoutMs <= 0 || retries < 0 || backoffMs < 0 || breakerFailures < 1 || breakerOpenMs < 0) {
			throw new IllegalArgumentException("invalid fault policy " + timeoutMs + "/" + retries + "/" + backoffMs
					+ "/" + breakerFailures + "/" + breakerOpenMs);
		}
	}
}
