package dev.cabin.cli;

import java.util.HashMap;
import java.util.Map;

import dev.cabin.car.Terminal;
import dev.cabin.conversation.ConversationRunner;
import dev.cabin.engine.Engine;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.lab.FalseAccepts;
import dev.cabin.lab.LabTest;

/**
 * The false accepts of agents on the held-back background of unrelated speech for {@code cabin test}: measured
 * once per agent, when a test asserts them or {@code --background} asks, and printed as they are measured.
 */
final class BackgroundMeter implements ConversationRunner.FalseAcceptMeter {

	private final Engine engine;
	private final Terminal terminal;
	private final Map<String, FalseAccepts> measured = new HashMap<>();

	BackgroundMeter(Engine engine, Terminal terminal) {
		this.engine = engine;
		this.terminal = terminal;
	}

	@Override
	public double rate(AgentIr agent) {
		FalseAccepts accepts = measured.get(agent.id());
		if (accepts == null) {
			try {
				accepts = LabTest.background(engine, agent, Toolchain.service().encoders(),
						Runtime.getRuntime().availableProcessors(), Progress.NONE).falseAccepts();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while measuring false accepts", e);
			}
			measured.put(agent.id(), accepts);
			FalseAcceptsLines.print(agent.id(), accepts, terminal.out());
		}
		return accepts.rate();
	}
}
