package dev.cabin.export.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.pkg.PackageFormat;
import dev.cabin.engine.pkg.SemanticVersion;
import dev.cabin.export.ExportIssues;
import dev.cabin.export.check.AgentRequirements.Need;
import dev.cabin.export.profile.HeadUnit;
import dev.cabin.export.profile.VehicleProfile;
import dev.cabin.export.profile.VehicleSignals;

/**
 * Checks agents against the vehicle they are built for, before anything ships: every signal they read and
 * actuator they set exists there, every sensor their triggers need is fitted, every locale is supported, an
 * LLM is there if a reply cannot do without one, handoffs stay inside the package, and the engine the toolchain
 * builds for is one the vehicle runs. Problems point at the agent source (or the profile) that causes them.
 */
public final class ProfileCheck {

	private static final Map<String, String> SENSOR_NAMES = Map.of(
			AgentRequirements.MICROPHONE, "a microphone",
			AgentRequirements.DISPLAY, "a display",
			AgentRequirements.TOUCHSCREEN, "a touchscreen",
			AgentRequirements.GAZE_TRACKER, "a gaze tracker",
			AgentRequirements.GESTURE_CAMERA, "a gesture camera",
			AgentRequirements.DRIVER_MONITORING, "a driver-monitoring camera");

	private final VehicleProfile profile;
	private final List<Problem> problems = new ArrayList<>();

	private ProfileCheck(VehicleProfile profile) {
		this.profile = profile;
	}

	public static List<Problem> check(List<AgentRequirements> agents, VehicleProfile profile) {
		ProfileCheck check = new ProfileCheck(profile);
		check.engine();
		Set<String> packaged = Set.copyOf(agents.stream().map(AgentRequirements::agentId).toList());
		for (AgentRequirements agent : agents) {
			check.agent(agent, packaged);
		}
		check.problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line)
				.thenComparingInt(Problem::column));
		return check.problems;
	}

	private String vehicle() {
		return profile.model() + " (" + profile.market() + ")";
	}

	private void engine() {
		SemanticVersion engine = SemanticVersion.parse(PackageFormat.ENGINE_VERSION);
		if (!profile.headUnit().engine().contains(engine)) {
			problems.add(profile.locationOf("headUnit.engine").error(ExportIssues.ENGINE_OUT_OF_RANGE,
					"this toolchain builds for engine " + engine + ", outside the " + vehicle() + "'s engine range "
							+ profile.headUnit().engine()));
		}
	}

	private void agent(AgentRequirements agent, Set<String> packaged) {
		HeadUnit unit = profile.headUnit();
		String id = agent.agentId();
		for (Need locale : agent.locales()) {
			if (!unit.locales().contains(locale.subject())) {
				problems.add(locale.where().error(ExportIssues.LOCALE_UNSUPPORTED, id + " speaks " + locale.subject()
						+ ", which the " + vehicle() + " does not support (it has " + String.join(", ", unit.locales())
						+ ")"));
			}
		}
		for (Need need : agent.capabilities()) {
			if (!has(need.subject())) {
				Problem.Severity severity = need.subject().equals(AgentRequirements.DISPLAY) ? Problem.Severity.WARNING
						: Problem.Severity.ERROR;
				problems.add(need.where().problem(severity, ExportIssues.SENSOR_MISSING, need.because() + " needs "
						+ SENSOR_NAMES.get(need.subject()) + ", which the " + vehicle() + " does not have"
						+ (severity == Problem.Severity.WARNING ? "; the text is never shown" : "")));
			}
		}
		VehicleSignals signals = profile.signals();
		for (Need signal : agent.signalsRead()) {
			if (!signals.readable(signal.subject())) {
				problems.add(signal.where().error(ExportIssues.SIGNAL_MISSING, id + " reads " + signal.subject()
						+ ", a signal the " + vehicle() + " does not have" + nodeHint(signal.subject())));
			}
		}
		for (Need actuator : agent.actuated()) {
			if (!signals.actuator(actuator.subject())) {
				problems.add(actuator.where().error(ExportIssues.ACTUATOR_MISSING, actuator.because() + " sets "
						+ actuator.subject() + ", which the " + vehicle() + " has no actuator for"
						+ nodeHint(actuator.subject())));
			}
		}
		for (Need zone : agent.zones()) {
			if (!signals.has(zone.subject())) {
				problems.add(zone.where().error(ExportIssues.ZONE_MISSING, zone.because() + ": the " + vehicle()
						+ " has no " + zone.subject()));
			}
		}
		for (Need generate : agent.generated()) {
			if (!unit.hasLlm() && generate.subject().equals("required")) {
				problems.add(generate.where().error(ExportIssues.LLM_UNAVAILABLE, "this generate step has no fallback"
						+ " and the " + vehicle() + " has no LLM; add a fallback text"));
			}
		}
		for (Need handoff : agent.handoffs()) {
			if (!packaged.contains(handoff.subject())) {
				problems.add(handoff.where().error(ExportIssues.HANDOFF_OUTSIDE, id + " hands off to "
						+ handoff.subject() + ", which is not in the package; export it too"));
			}
		}
	}

	private String nodeHint(String path) {
		String type = profile.signals().typeOf(path);
		return type == null ? "" : " (it has it as a " + type + ")";
	}

	private boolean has(String capability) {
		HeadUnit unit = profile.headUnit();
		return switch (capability) {
		case AgentRequirements.MICROPHONE -> !unit.microphoneZones().isEmpty();
		case AgentRequirements.DISPLAY -> unit.display();
		case AgentRequirements.TOUCHSCREEN -> unit.touchscreen();
		case AgentRequirements.GAZE_TRACKER -> unit.gazeTracker();
		case AgentRequirements.GESTURE_CAMERA -> unit.gestureCamera();
		case AgentRequirements.DRIVER_MONITORING -> unit.driverMonitoring();
		default -> false;
		};
	}
}
