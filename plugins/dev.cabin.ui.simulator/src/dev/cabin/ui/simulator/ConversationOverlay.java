package dev.cabin.ui.simulator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.overlay.SimulationOverlay;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.TriggerIr;

/**
 * A simulated conversation as the flow diagram highlights it: the triggers fired and the steps run, read from
 * the turns' traces ({@code visits}), and the step the agent waits in.
 */
final class ConversationOverlay {

	private ConversationOverlay() {
	}

	/** The overlay of the turns; agents are looked up by id for the modalities of their triggers. */
	static SimulationOverlay of(List<Simulation.Turn> turns, Map<String, AgentIr> agents) {
		List<SimulationOverlay.Visit> visits = new ArrayList<>();
		SimulationOverlay.VisitedStep last = null;
		for (Simulation.Turn turn : turns) {
			Object traced = turn.trace().get("visits");
			if (!(traced instanceof List<?> list)) {
				continue;
			}
			for (Object item : list) {
				if (!(item instanceof Map<?, ?> visit)) {
					continue;
				}
				String agent = String.valueOf(visit.get("agent"));
				if (visit.get("trigger") instanceof Number index) {
					visits.add(new SimulationOverlay.FiredTrigger(agent, index.intValue(),
							modalities(agents.get(agent), index.intValue())));
				} else if (visit.get("step") != null) {
					last = new SimulationOverlay.VisitedStep(agent, String.valueOf(visit.get("flow")),
							String.valueOf(visit.get("step")));
					visits.add(last);
				}
			}
		}
		boolean waiting = !turns.isEmpty() && turns.get(turns.size() - 1).result().awaiting();
		return new SimulationOverlay(visits, waiting ? last : null);
	}

	private static Set<Modality> modalities(AgentIr agent, int index) {
		Set<Modality> modalities = EnumSet.noneOf(Modality.class);
		if (agent == null || index < 0 || index >= agent.triggers().size()) {
			return modalities;
		}
		TriggerIr trigger = agent.triggers().get(index);
		for (EventIr event : new EventIr[] { trigger.event(), trigger.partner() }) {
			if (event != null) {
				modalities.add(modality(event));
			}
		}
		return modalities;
	}

	static Modality modality(EventIr event) {
		if (event instanceof EventIr.Voice) {
			return Modality.VOICE;
		} else if (event instanceof EventIr.Wake) {
			return Modality.WAKE_WORD;
		} else if (event instanceof EventIr.Gaze) {
			return Modality.GAZE;
		} else if (event instanceof EventIr.Gesture) {
			return Modality.GESTURE;
		} else if (event instanceof EventIr.Posture) {
			return Modality.POSTURE;
		} else if (event instanceof EventIr.Signal) {
			return Modality.SIGNAL;
		} else if (event instanceof EventIr.Touch) {
			return Modality.TOUCH;
		}
		return Modality.TIMER;
	}
}
