package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Call;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.vss.Strings;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssNode;

/**
 * What a name in an expression or a text marker means: a slot of the agent's intents ({@code temp}), the
 * result of a tool call in the flow ({@code route.minutes}), a parameter of the tool (in an actuator binding),
 * or a VSS signal ({@code Vehicle.Speed}). These references are plain text in the model, resolved here for
 * the validator and the editor.
 */
public final class References {

	public sealed interface Target permits SlotTarget, ResultTarget, ParameterTarget, SignalTarget, UnknownSignal,
			Unknown {
	}

	public record SlotTarget(Slot slot) implements Target {
	}

	public record ResultTarget(Call call) implements Target {
	}

	public record ParameterTarget(ToolParam parameter) implements Target {
	}

	public record SignalTarget(VssNode node) implements Target {
	}

	/** A path below a VSS root that the catalogue does not have; {@code closest} may be {@code null}. */
	public record UnknownSignal(String path, String closest) implements Target {
	}

	/** A name that is nothing known; {@code closest} is the most similar known name, or {@code null}. */
	public record Unknown(String name, String closest) implements Target {
	}

	private References() {
	}

	/** The slots of an agent's intents by name; the first intent that declares a name wins. */
	public static Map<String, Slot> slotsOf(Agent agent) {
		Map<String, Slot> slots = new LinkedHashMap<>();
		if (agent != null) {
			for (Intent intent : agent.getIntents()) {
				for (Slot slot : intent.getSlots()) {
					if (slot.getName() != null) {
						slots.putIfAbsent(slot.getName(), slot);
					}
				}
			}
		}
		return slots;
	}

	/** Resolves one reference; to resolve many, use one {@link Resolver}. */
	public static Target resolve(String path, EObject context, VssCatalogue catalogue) {
		return new Resolver(catalogue).resolve(path, context);
	}

	/**
	 * Resolves the references of a model, working out the slots of each agent and the tool results of each flow
	 * once: resolving all the references of a flow costs time in proportion to the flow, however long it is.
	 */
	public static final class Resolver {

		private final VssCatalogue catalogue;
		private final Map<Agent, Map<String, Slot>> slotsByAgent = new HashMap<>();
		private final Map<Flow, Map<String, Call>> resultsByFlow = new HashMap<>();

		public Resolver(VssCatalogue catalogue) {
			this.catalogue = catalogue;
		}

		public VssCatalogue catalogue() {
			return catalogue;
		}

		private Map<String, Slot> slots(EObject context) {
			Agent agent = EcoreUtil2.getContainerOfType(context, Agent.class);
			return agent == null ? Map.of() : slotsByAgent.computeIfAbsent(agent, References::slotsOf);
		}

		/** What a name written in the context means. */
		public Target resolve(String path, EObject context) {
			String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
			ActuatorBinding binding = EcoreUtil2.getContainerOfType(context, ActuatorBinding.class);
			List<ToolParam> parameters = binding != null && binding.eContainer() instanceof Tool tool ? tool.getParams()
					: List.of();
			for (ToolParam parameter : parameters) {
				if (path.equals(parameter.getName())) {
					return new ParameterTarget(parameter);
				}
			}
			Map<String, Slot> slots = slots(context);
			Slot slot = slots.get(first);
			if (slot != null && first.equals(path)) {
				return new SlotTarget(slot);
			}
			Map<String, Call> results = results(EcoreUtil2.getContainerOfType(context, Flow.class));
			Call call = results.get(first);
			if (call != null) {
				return new ResultTarget(call);
			}
			if (catalogue.children("").stream().anyMatch(root -> root.path().equals(first))) {
				return catalogue.node(path).<Target>map(SignalTarget::new)
						.orElseGet(() -> new UnknownSignal(path, catalogue.closest(path).orElse(null)));
			}
			if (path.contains(".")) {
				String closestPath = catalogue.closest(path).orElse(null);
				if (closestPath != null) {
					return new UnknownSignal(path, closestPath);
				}
			}
			List<String> candidates = new ArrayList<>();
			parameters.forEach(parameter -> candidates.add(parameter.getName()));
			candidates.addAll(slots.keySet());
			candidates.addAll(results.keySet());
			return new Unknown(path, closest(path, candidates));
		}

		/* The calls of a flow that keep their result, by the result's name; the first call of a name wins. */
		private Map<String, Call> results(Flow flow) {
			return flow == null ? Map.of() : resultsByFlow.computeIfAbsent(flow, f -> {
				Map<String, Call> results = new LinkedHashMap<>();
				for (Call call : EcoreUtil2.getAllContentsOfType(f, Call.class)) {
					if (call.getResult() != null) {
						results.putIfAbsent(call.getResult(), call);
					}
				}
				return results;
			});
		}
	}

	/**
	 * The node a gaze zone names. Zones are cabin areas as the driver monitoring names them, a VSS branch below
	 * the root written without it ({@code Cabin.Sunroof}); the full path ({@code Vehicle.Cabin.Sunroof}) is
	 * accepted too.
	 */
	public static java.util.Optional<VssNode> zone(String zone, VssCatalogue catalogue) {
		java.util.Optional<VssNode> node = catalogue.node(zone);
		for (VssNode root : catalogue.children("")) {
			if (node.isEmpty()) {
				node = catalogue.node(root.path() + "." + zone);
			}
		}
		return node;
	}

	private static String closest(String name, List<String> candidates) {
		String best = null;
		int bestDistance = Math.max(2, name.length() / 3) + 1;
		for (String candidate : candidates) {
			int distance = Strings.editDistance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}
}
