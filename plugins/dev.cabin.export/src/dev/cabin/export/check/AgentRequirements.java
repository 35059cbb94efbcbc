package dev.cabin.export.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.ConversationTest;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.GestureEvent;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.PostureEvent;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.TouchEvent;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.cabin.WakeWordEvent;
import dev.cabin.export.profile.Location;

/**
 * What one agent needs from a vehicle, each need with the place in the source that causes it: the locales it
 * speaks, the sensors and displays its triggers and replies use, the VSS signals it reads and the actuators
 * it sets, the cabin zones it watches, whether it needs an LLM, the agents it hands off to. Conversation
 * tests are left out: they never run in a car.
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

	private static final Pattern SIGNAL_IN_TEMPLATE = Pattern.compile("\\{(Vehicle(?:\\.[A-Za-z0-9_]+)+)\\}");

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
		for (Tool tool : agent.getTools()) {
			needs.addActuator(tool, where.of(tool));
		}
		TreeIterator<EObject> contents = agent.eAllContents();
		while (contents.hasNext()) {
			EObject object = contents.next();
			if (object instanceof ConversationTest) {
				contents.prune();
			} else {
				needs.visit(object, where);
			}
		}
		return needs;
	}

	private void visit(EObject object, SourceLocations where) {
		if (object instanceof VoiceEvent || object instanceof WakeWordEvent) {
			capabilities.add(new Need(MICROPHONE, object instanceof VoiceEvent ? "on voice" : "on wake word",
					where.of(object)));
		} else if (object instanceof GazeEvent gaze) {
			capabilities.add(new Need(GAZE_TRACKER, "on gaze", where.of(object)));
			zones.add(new Need(vssPath(gaze.getZone()), "on gaze " + gaze.getZone(),
					where.of(object, CabinPackage.Literals.GAZE_EVENT__ZONE, 0)));
		} else if (object instanceof GestureEvent) {
			capabilities.add(new Need(GESTURE_CAMERA, "on gesture", where.of(object)));
		} else if (object instanceof PostureEvent) {
			capabilities.add(new Need(DRIVER_MONITORING, "on posture", where.of(object)));
		} else if (object instanceof TouchEvent) {
			capabilities.add(new Need(TOUCHSCREEN, "on touch", where.of(object)));
		} else if (object instanceof Say say && !say.getScreen().isEmpty()) {
			capabilities.add(new Need(DISPLAY, "screen text", where.of(object, CabinPackage.Literals.SAY__SCREEN, 0)));
		} else if (object instanceof Reference reference && isSignal(reference.getPath())) {
			signalsRead.add(new Need(reference.getPath(), "read", where.of(object)));
		} else if (object instanceof LocalizedText text && text.getText() != null) {
			Matcher signal = SIGNAL_IN_TEMPLATE.matcher(text.getText());
			while (signal.find()) {
				signalsRead.add(new Need(signal.group(1), "template", where.of(object)));
			}
		} else if (object instanceof Call call && call.getTool() != null) {
			addActuator(call.getTool(), where.of(object));
		} else if (object instanceof Generate generate) {
			generated.add(new Need(generate.getFallback().isEmpty() ? "required" : "optional", "generate",
					where.of(object)));
		} else if (object instanceof Handoff handoff && handoff.getAgent() != null) {
			handoffs.add(new Need(handoff.getAgent().getName(), "handoff", where.of(object)));
		}
	}

	private void addActuator(Tool tool, Location at) {
		if (tool.getBinding() instanceof ActuatorBinding actuator && actuator.getPath() != null
				&& actuated.stream().noneMatch(n -> n.subject().equals(vssPath(actuator.getPath())))) {
			actuated.add(new Need(vssPath(actuator.getPath()), "tool " + tool.getName(), at));
		}
	}

	private static boolean isSignal(String path) {
		return path != null && path.startsWith("Vehicle.");
	}

	/** Cabin zones and actuators may be written without the root: {@code Cabin.Sunroof}. */
	private static String vssPath(String path) {
		return path.startsWith("Vehicle.") ? path : "Vehicle." + path;
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
