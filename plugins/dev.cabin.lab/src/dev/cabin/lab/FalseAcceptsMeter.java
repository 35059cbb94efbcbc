package dev.cabin.lab;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * Measures agents' false accepts on the held-back background of unrelated speech, once per agent: what a
 * conversation test's {@code expect false accepts below N%} asks, wherever the tests run ({@code cabin test},
 * Studio's simulator, the browser's), so that a test passes or fails alike in each. It measures through an engine
 * of its own without an LLM, as {@code cabin labtest --background} does, whatever LLM or cassette the tests talk
 * to: the figure is the car's recognizer's, and thousands of unrelated lines must neither be sent to a live model
 * nor recorded into (or be missing from) a cassette.
 *
 * <p>The figures of the compiled agents measured last in the process are kept, by the identity of their IR: the
 * compile service hands out the same IR while the sources stay as they were, so that replaying the tests again
 * (Studio, the browser) does not measure the background again.
 */
public final class FalseAcceptsMeter {

	private static final int IRS_KEPT = 4;
	private static final Map<Compiled, Map<String, FalseAccepts>> MEASURED = new LinkedHashMap<>(8, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Compiled, Map<String, FalseAccepts>> eldest) {
			return size() > IRS_KEPT;
		}
	};

	private final CabinIr ir;
	private final SentenceEncoders encoders;
	private final Progress progress;
	private final BiConsumer<AgentIr, FalseAccepts> measured;
	private final Map<String, FalseAccepts> byAgent = new HashMap<>();
	private Engine offline;

	/** @param ir the compiled agents, as the tests' engine runs them */
	public FalseAcceptsMeter(CabinIr ir, SentenceEncoders encoders, Progress progress) {
		this(ir, encoders, progress, (agent, accepts) -> {
		});
	}

	/** @param measured told of each agent's false accepts when they have been measured */
	public FalseAcceptsMeter(CabinIr ir, SentenceEncoders encoders, Progress progress,
			BiConsumer<AgentIr, FalseAccepts> measured) {
		this.ir = ir;
		this.encoders = encoders;
		this.progress = progress;
		this.measured = measured;
	}

	/** @throws IllegalStateException when the thread is interrupted while measuring */
	public synchronized FalseAccepts of(AgentIr agent) {
		FalseAccepts accepts = byAgent.get(agent.id());
		if (accepts == null) {
			accepts = measure(agent);
			byAgent.put(agent.id(), accepts);
			measured.accept(agent, accepts);
		}
		return accepts;
	}

	/* The figure kept for this IR, else measured now and kept. */
	private FalseAccepts measure(AgentIr agent) {
		Compiled compiled = new Compiled(ir, encoders);
		synchronized (MEASURED) {
			FalseAccepts before = MEASURED.getOrDefault(compiled, Map.of()).get(agent.id());
			if (before != null) {
				return before;
			}
		}
		FalseAccepts accepts;
		try {
			accepts = LabTest.background(offlineEngine(), agent, encoders, Runtime.getRuntime().availableProcessors(),
					progress).falseAccepts();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while measuring false accepts", e);
		}
		synchronized (MEASURED) {
			MEASURED.computeIfAbsent(compiled, key -> new HashMap<>()).put(agent.id(), accepts);
		}
		return accepts;
	}

	private Engine offlineEngine() {
		if (offline == null) {
			try {
				offline = Engine.load(ir, encoders);
			} catch (IrFormatException e) {
				// the tests' engine was built from this IR, so it loads
				throw new IllegalStateException("the compiled agents cannot be loaded: " + e.getMessage(), e);
			}
		}
		return offline;
	}

	/** The share of the held-back lines the agent acted on. */
	public double rate(AgentIr agent) {
		return of(agent).rate();
	}

	/* By identity: an IR's equality would compare every embedding in it. */
	private record Compiled(CabinIr ir, SentenceEncoders encoders) {
		@Override
		public boolean equals(Object other) {
			return other instanceof Compiled compiled && compiled.ir == ir && compiled.encoders == encoders;
		}

		@Override
		public int hashCode() {
			return 31 * System.identityHashCode(ir) + System.identityHashCode(encoders);
		}
	}
}
