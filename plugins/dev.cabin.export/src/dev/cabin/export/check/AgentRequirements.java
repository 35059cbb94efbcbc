package dev.cabin.export.check;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.GestureEvent;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.PostureEvent;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.TouchEvent;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.cabin.WakeWordEvent;
import dev.cabin.dsl.query.AgentSignals;
import dev.cabin.export.profile.Location;

/**
 * What one agent needs from a vehicle, each need with the place in the source that causes it: the locales it
 * speaks, the sensors and displays its triggers and replies use, the VSS signals it reads and the actuators
 * it sets ({@link AgentSignals}), the cabin zones it watches, whether it needs an LLM, the agents it hands off
 * to. Conversation tests are left out: they never run in a car.
 */
public final class AgentRequirements {

	/** A capability of the head unit ({@code gazeTracker}, ...) that a construct needs. */
	public static final String MICROPHONE = "microphone";
	public static final String DISPLAY = "display";
	public static final String TOUCHSCREEN = "touchscreen";
	public static final String GAZE_TRACKER = "gazeTracker";
	public static final String GESTURE_CAMERA = "gestureCamera";
	public static final String DRIVER_MONITORING = "driverMonitoring";

	/** One need: its subject (a locale, a VSS path, a capability, an agent id), why, and where. */
	public record Need(String subject, String because, Location where) {
	}

	private final String agentId;
	private final Location location;
	private final List<Need> locales = new ArrayList<>();
	private final List<Need> capabilities = new ArrayList<>();
	private final List<Need> signalsRead = new ArrayList<>();
	private final List<Need> actuated = new ArrayList<>();
	private final List<Need> zones = new ArrayList<>();
	private final List<Need> generated = new ArrayList<>();
	private final List<Need> handoffs = new ArrayList<>();
	private final List<String> llmProfiles = new ArrayList<>();

	private AgentRequirements(String agentId, Location location) {
		this.agentId = agentId;
		this.location = location;
	}

	public static AgentRequirements of(Agent agent, SourceLocations where) {
		AgentRequirements needs = new AgentRequirements(agent.getName(), where.of(agent, CabinPackage.Literals.AGENT__NAME, 0));
		for (int i = 0; i < agent.getLocales().size(); i++) {
			needs.locales.add(new Need(agent.getLocales().get(i), "locales",
					where.of(agent, CabinPackage.Literals.AGENT__LOCALES, i)));
		}
		if (!agent.getWakeWords().isEmpty()) {
			needs.capabilities.add(new Need(MICROPHONE, "wake word",
					where.of(agent, CabinPackage.Literals.AGENT__WAKE_WORDS, 0)));
		}
		if (agent.getDefaults() != null && agent.getDefaults().getLlm() != null) {
			needs.llmProfiles.add(agent.getDefaults().getLlm());
		}
		for (AgentSignals.Use read : AgentSignals.read(agent)) {
			needs.signalsRead.add(new Need(read.path(), read.because(), where.of(read.source())));
		}
		for (AgentSignals.Use set : AgentSignals.set(agent)) {
			needs.actuated.add(new Need(set.path(), set.because(), where.of(set.source())));
		}
		for (EObject object : AgentSignals.inCar(agent)) {
			needs.visit(object, where);
		}
		return needs;
	}

	private void visit(EObject object, SourceLocations where) {
		if (object instanceof VoiceEvent || object instanceof WakeWordEvent) {
			capabilities.add(new Need(MICROPHONE, object instanceof VoiceEvent ? "on voice" : "on wake word",
					where.of(object)));
		} else if (object instanceof GazeEvent gaze) {
			capabilities.add(new Need(GAZE_TRACKER, "on gaze", where.of(object)));
			zones.add(new Need(AgentSignals.vssPath(gaze.getZone()), "on gaze " + gaze.getZone(),
					where.of(object, CabinPackage.Literals.GAZE_EVENT__ZONE, 0)));
		} else if (object instanceof GestureEvent) {
			capabilities.add(new Need(GESTURE_CAMERA, "on gesture", where.of(object)));
		} else if (object instanceof PostureEvent) {
			capabilities.add(new Need(DRIVER_MONITORING, "on posture", where.of(object)));
		} else if (object instanceof TouchEvent) {
			capabilities.add(new Need(TOUCHSCREEN, "on touch", where.of(object)));
		} else if (object instanceof Say say && !say.getScreen().isEmpty()) {
			capabilities.add(new Need(DISPLAY, "screen text", where.of(object, CabinPackage.Literals.SAY__SCREEN, 0)));
		} else if (object instanceof Generate generate) {
			generated.add(new Need(generate.getFallback().isEmpty() ? "required" : "optional", "generate",
					where.of(object)));
		} else if (object instanceof Handoff handoff && handoff.getAgent() != null) {
			handoffs.add(new Need(handoff.getAgent().getName(), "handoff", where.of(object)));
		}
	}

	public String agentId() {
		return agentId;
	}

	public Location location() {
		return location;
	}

	public List<Need> locales() {
		return locales;
	}

	public List<Need> capabilities() {
		return capabilities;
	}

	public List<Need> signalsRead() {
		return signalsRead;
	}

	public List<Need> actuated() {
		return actuated;
	}

	public List<Need> zones() {
		return zones;
	}

	/** The generate steps: subject {@code required} when it has no fallback, else {@code optional}. */
	public List<Need> generated() {
		return generated;
	}

	public List<Need> handoffs() {
		return handoffs;
	}

	public List<String> llmProfiles() {
		return llmProfiles;
	}
}
