package dev.cabin.diagram.overlay;

import java.util.List;
import java.util.Set;

import dev.cabin.diagram.graph.Modality;

/**
 * What a simulated conversation went through, in order, for the diagram to highlight: the triggers that
 * fired and the steps that ran, and the step it waits in now. It names elements the way the source does, not
 * by the engine's classes, so that any trace can be mapped onto it:
 *
 * <ul>
 * <li>a trigger by its agent and its index among the agent's {@code on ...} clauses (0-based, source order),
 * with the modalities whose events made it fire (both for a fused trigger such as gaze + voice);</li>
 * <li>a step by its agent, its flow and its path in the flow: its index among its siblings, inside a
 * confirmation or a branch preceded by that step's path and the block: {@code 0}, {@code 2.yes.0},
 * {@code 2.no.1}, {@code 3.case0.0} (the first {@code when}), {@code 3.otherwise.0}
 * ({@link dev.cabin.language.StepPath}).</li>
 * </ul>
 *
 * @param visits the triggers fired and steps run, in the order they happened (a step may repeat)
 * @param active the step the conversation is in now (waiting for an answer, or the last one run), or
 *            {@code null} when it is over
 */
public record SimulationOverlay(List<Visit> visits, VisitedStep active) {

	public SimulationOverlay {
		visits = List.copyOf(visits);
	}

	/** One thing the conversation went through. */
	public sealed interface Visit permits FiredTrigger, VisitedStep {
	}

	/** A trigger fired, through events of these modalities. */
	public record FiredTrigger(String agent, int index, Set<Modality> modalities) implements Visit {
		public FiredTrigger {
			modalities = Set.copyOf(modalities);
		}
	}

	/** A step ran. */
	public record VisitedStep(String agent, String flow, String path) implements Visit {
	}
}
