package dev.cabin.dsl.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.ConversationTest;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.Tool;

/**
 * The VSS signals an agent reads (in conditions and in reply templates such as
 * {@code {Vehicle.Cabin.Sunroof.Position}}) and the actuators it sets (through its tools), each with the model
 * element that causes it, in source order. Conversation tests are left out: they never run in a car.
 */
public final class AgentSignals {

	/**
	 * One use of a signal.
	 *
	 * @param path    the full VSS path ({@code Vehicle.Speed})
	 * @param because what uses it: {@code read}, {@code template}, {@code tool NAME}
	 * @param source  the element that uses it (a reference, a text, a tool, a call)
	 */
	public record Use(String path, String because, EObject source) {
	}

	private static final Pattern SIGNAL_IN_TEMPLATE = Pattern.compile("\\{(Vehicle(?:\\.[A-Za-z0-9_]+)+)\\}");

	private AgentSignals() {
	}

	/** The signals the agent reads, once per place that reads them. */
	public static List<Use> read(Agent agent) {
		List<Use> uses = new ArrayList<>();
		for (EObject object : inCar(agent)) {
			if (object instanceof Reference reference && reference.getPath() != null
					&& reference.getPath().startsWith("Vehicle.")) {
				uses.add(new Use(reference.getPath(), "read", object));
			} else if (object instanceof LocalizedText text && text.getText() != null) {
				Matcher signal = SIGNAL_IN_TEMPLATE.matcher(text.getText());
				while (signal.find()) {
					uses.add(new Use(signal.group(1), "template", object));
				}
			}
		}
		return uses;
	}

	/** The actuators the agent sets, each once: where its tool is declared, or the first call of it. */
	public static List<Use> set(Agent agent) {
		List<Use> uses = new ArrayList<>();
		for (Tool tool : agent.getTools()) {
			addActuator(uses, tool, tool);
		}
		for (EObject object : inCar(agent)) {
			if (object instanceof Call call && call.getTool() != null) {
				addActuator(uses, call.getTool(), call);
			}
		}
		return uses;
	}

	private static void addActuator(List<Use> uses, Tool tool, EObject source) {
		if (tool.getBinding() instanceof ActuatorBinding actuator && actuator.getPath() != null
				&& uses.stream().noneMatch(use -> use.path().equals(vssPath(actuator.getPath())))) {
			uses.add(new Use(vssPath(actuator.getPath()), "tool " + tool.getName(), source));
		}
	}

	/** Cabin zones and actuators may be written without the root: {@code Cabin.Sunroof}. */
	public static String vssPath(String path) {
		return path.startsWith("Vehicle.") ? path : "Vehicle." + path;
	}

	/** The elements of an agent in source order, without its conversation tests (they never run in a car). */
	public static List<EObject> inCar(Agent agent) {
		List<EObject> objects = new ArrayList<>();
		TreeIterator<EObject> contents = agent.eAllContents();
		while (contents.hasNext()) {
			EObject object = contents.next();
			if (object instanceof ConversationTest) {
				contents.prune();
			} else {
				objects.add(object);
			}
		}
		return objects;
	}
}
