package dev.cabin.lab;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * Measures agents' false accepts on the held-back background of unrelated speech through one engine, once per
 * agent: what a conversation test's {@code expect false accepts below N%} asks, wherever the tests run
 * ({@code cabin test}, Studio's simulator, the browser's), so that a test passes or fails alike in each.
 */
public final class FalseAcceptsMeter {

	private final Engine engine;
	private final SentenceEncoders encoders;
	private final Progress progress;
	private final BiConsumer<AgentIr, FalseAccepts> measured;
	private final Map<String, FalseAccepts> byAgent = new HashMap<>();

	public FalseAcceptsMeter(Engine engine, SentenceEncoders encoders, Progress progress) {
		this(engine, encoders, progress, (agent, accepts) -> {
		});
	}

	/** @param measured told of each agent's false accepts when they have been measured */
	public FalseAcceptsMeter(Engine engine, SentenceEncoders encoders, Progress progress,
			BiConsumer<AgentIr, FalseAccepts> measured) {
		this.engine = engine;
		this.encoders = encoders;
		this.progress = progress;
		this.measured = measured;
	}

	/** @throws IllegalStateException when the thread is interrupted while measuring */
	public synchronized FalseAccepts of(AgentIr agent) {
		FalseAccepts accepts = byAgent.get(agent.id());
		if (accepts == null) {
			try {
				accepts = LabTest.background(engine, agent, encoders, Runtime.getRuntime().availableProcessors(),
						progress).falseAccepts();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while measuring false accepts", e);
			}
			byAgent.put(agent.id(), accepts);
			measured.accept(agent, accepts);
		}
		return accepts;
	}

	/** The share of the held-back lines the agent acted on. */
	public double rate(AgentIr agent) {
		return of(agent).rate();
	}
}
