package dev.cabin.engine.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A model behind the engine's {@link FaultPolicy}: each attempt has a time limit, transient failures are
 * retried with exponential backoff, and a circuit breaker shared by all sessions stops calls to a model that
 * keeps failing. Never throws: the outcome says what happened, attempt by attempt, for the trace.
 * Thread-safe.
 */
public final class ResilientModel {

	/** One attempt: how it ended ({@code ok} or a failure kind), how long it took, and why it failed. */
	public record Attempt(String outcome, long ms, String error) {
	}

	/** The answer, or the failure after all attempts, with every attempt. */
	public record Outcome(LlmResponse response, LlmException failure, List<Attempt> attempts) {
		public Outcome {
			attempts = List.copyOf(attempts);
		}

		public boolean succeeded() {
			return response != null;
		}
	}

	private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "cabin-llm-call");
		thread.setDaemon(true);
		return thread;
	});

	private final LanguageModel model;
	private final FaultPolicy policy;
	private final LongSupplier millis;
	private int failuresInARow;
	private long openUntil = Long.MIN_VALUE;

	public ResilientModel(LanguageModel model, FaultPolicy policy) {
		this(model, policy, System::currentTimeMillis);
	}

	/** With the clock that the circuit breaker measures its open time by. */
	public ResilientModel(LanguageModel model, FaultPolicy policy, LongSupplier millis) {
		this.model = model;
		this.policy = policy;
		this.millis = millis;
	}

	public String name() {
		return model.name();
	}

	public Outcome chat(LlmRequest request, Consumer<String> partials) {
		List<Attempt> attempts = new ArrayList<>();
		if (circuitOpen()) {
			LlmException open = new LlmException(LlmException.Kind.CIRCUIT_OPEN,
					"the circuit breaker is open after " + policy.breakerFailures() + " failed calls in a row");
			attempts.add(new Attempt(open.kind().name(), 0, open.getMessage()));
			return new Outcome(null, open, attempts);
		}
		LlmException failure = null;
		for (int attempt = 0; attempt <= policy.retries(); attempt++) {
			if (attempt > 0 && !pause(policy.backoffMs() << (attempt - 1))) {
				break;
			}
			long start = System.nanoTime();
			try {
				LlmResponse response = attemptOnce(request, partials);
				attempts.add(new Attempt("ok", elapsedMs(start), null));
				recordSuccess();
				return new Outcome(response, null, attempts);
			} catch (LlmException e) {
				failure = e;
				attempts.add(new Attempt(e.kind().name(), elapsedMs(start), e.getMessage()));
				if (!e.kind().isTransient()) {
					break;
				}
			}
		}
		recordFailure();
		return new Outcome(null, failure, attempts);
	}

	private LlmResponse attemptOnce(LlmRequest request, Consumer<String> partials) throws LlmException {
		Future<LlmResponse> call = CALLS.submit(() -> model.chat(request, partials));
		try {
			return call.get(policy.timeoutMs(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			call.cancel(true);
			throw new LlmException(LlmException.Kind.TIMEOUT, "no answer within " + policy.timeoutMs() + " ms");
		} catch (InterruptedException e) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for the model");
		} catch (CancellationException e) {
			throw new LlmException(LlmException.Kind.TIMEOUT, "the call was cancelled");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof LlmException llm) {
				throw llm;
			}
			throw new LlmException(LlmException.Kind.MALFORMED,
					"the model adapter failed: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(),
					e.getCause());
		}
	}

	private static boolean pause(long ms) {
		try {
			Thread.sleep(ms);
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static long elapsedMs(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	/** Open while the open time lasts; after it, calls go through again (the first one decides). */
	private synchronized boolean circuitOpen() {
		return millis.getAsLong() < openUntil;
	}

	private synchronized void recordSuccess() {
		failuresInARow = 0;
	}

	private synchronized void recordFailure() {
		failuresInARow++;
		if (failuresInARow >= policy.breakerFailures()) {
			openUntil = millis.getAsLong() + policy.breakerOpenMs();
			failuresInARow = policy.breakerFailures() - 1;
		}
	}
}
