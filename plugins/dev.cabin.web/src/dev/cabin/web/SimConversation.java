package dev.cabin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.conversation.ConversationRunner;
import dev.cabin.conversation.ConversationTestText;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.query.AgentSignals;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.lab.FalseAcceptsMeter;
import dev.cabin.vss.DefaultCatalogue;
import dev.cabin.vss.VssNode;

/**
 * One simulated conversation of a {@code /sim} session: the agent compiled from a workspace file, its session
 * in the simulated car, and every turn so far (what a conversation test is written from). Says what the panel
 * needs to draw its controls: the signals the agent reads (with their VSS type and range) and the cabin zones
 * its gaze triggers watch.
 */
final class SimConversation {

	private final SimulatorEngines.Compiled compiled;
	private final AgentIr agent;
	private final Session session;
	private final List<ConversationTestText.Turn> turns = new ArrayList<>();

	SimConversation(SimulatorEngines.Compiled compiled) {
		this.compiled = compiled;
		this.session = compiled.engine().openSession(compiled.engine().firstAgentId());
		this.agent = compiled.ir().agent(session.agentId());
	}

	String path() {
		return compiled.path();
	}

	Session session() {
		return session;
	}

	AgentIr agent() {
		return agent;
	}

	TurnResult handle(InputEvent event) {
		TurnResult result = session.handle(event);
		turns.add(new ConversationTestText.Turn(event, result));
		return result;
	}

	List<ConversationTestText.Turn> turns() {
		return List.copyOf(turns);
	}

	/**
	 * The signals the agent reads (conditions, reply templates), in source order, each with what the VSS
	 * catalogue says of it: datatype, unit, range, allowed values.
	 */
	List<Map<String, Object>> signalsRead() {
		Set<String> paths = new LinkedHashSet<>();
		for (CabinFile file : compiled.sources().files()) {
			for (Agent model : file.getAgents()) {
				if (agent.id().equals(model.getName())) {
					AgentSignals.read(model).forEach(use -> paths.add(use.path()));
				}
			}
		}
		List<Map<String, Object>> signals = new ArrayList<>();
		for (String path : paths) {
			VssNode node = DefaultCatalogue.get().node(path).orElse(null);
			Map<String, Object> signal = new LinkedHashMap<>();
			signal.put("path", path);
			signal.put("datatype", node == null ? null : node.datatype());
			signal.put("unit", node == null ? null : node.unit());
			signal.put("min", node == null ? null : node.min());
			signal.put("max", node == null ? null : node.max());
			signal.put("allowed", node == null ? List.of() : node.allowed());
			signals.add(signal);
		}
		return signals;
	}

	/**
	 * What the agent's triggers watch, for the panel to offer: the cabin zones of its gaze triggers
	 * ({@code Cabin.Sunroof}), its gestures, driver states and touch controls, each in source order.
	 */
	Map<String, Set<String>> watched() {
		Map<String, Set<String>> watched = new LinkedHashMap<>();
		for (String kind : List.of("zones", "gestures", "postures", "touches")) {
			watched.put(kind, new LinkedHashSet<>());
		}
		for (TriggerIr trigger : agent.triggers()) {
			for (EventIr event : new EventIr[] { trigger.event(), trigger.partner() }) {
				if (event instanceof EventIr.Gaze gaze) {
					watched.get("zones").add(gaze.zone());
				} else if (event instanceof EventIr.Gesture gesture) {
					watched.get("gestures").add(gesture.gesture());
				} else if (event instanceof EventIr.Posture posture) {
					watched.get("postures").add(posture.state());
				} else if (event instanceof EventIr.Touch touch) {
					watched.get("touches").add(touch.control());
				}
			}
		}
		return watched;
	}

	/**
	 * Runs the conversation tests of this agent, as compiled now, each in a fresh session; a test that asserts the
	 * agent's false accepts has them measured on the held-back background, as {@code cabin test} does, in the
	 * server's measuring turn.
	 */
	static List<ConversationRunner.Result> runTests(SimulatorEngines.Compiled compiled, String agentId,
			SimulatorEngines engines) {
		AgentIr tested = compiled.ir().agent(agentId);
		if (tested == null) {
			return List.of();
		}
		FalseAcceptsMeter meter = new FalseAcceptsMeter(compiled.ir(), engines.compiler().encoders(), Progress.NONE);
		ConversationRunner runner = new ConversationRunner(compiled.engine(),
				agent -> engines.measureInTurn(() -> meter.rate(agent)));
		return tested.tests().stream().map(test -> runner.run(tested, test)).toList();
	}
}
