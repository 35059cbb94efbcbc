package dev.cabin.diagram.overlay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.diagram.graph.DiagramEdge;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.EdgeKind;
import dev.cabin.diagram.graph.ElementIds;
import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.graph.NodeKind;

/**
 * A {@link SimulationOverlay} resolved against a diagram: which nodes and edges to highlight.
 *
 * @param visits for each visited node, the positions (1-based) at which the conversation went through it
 * @param active the node of the step the conversation is in, or {@code null}
 * @param fired the triggers that fired, with the modalities that fired them
 * @param recognized the intents recognized for voice triggers that fired
 * @param taken the edges the conversation went along
 * @param unmatched the visits that the diagram does not show (filtered out, or the source changed), as text
 */
public record Highlight(Map<String, List<Integer>> visits, String active, Map<String, Set<Modality>> fired,
		Set<String> recognized, Set<String> taken, List<String> unmatched) {

	/** Nothing highlighted. */
	public static final Highlight NONE = new Highlight(Map.of(), null, Map.of(), Set.of(), Set.of(), List.of());

	public boolean visited(String nodeId) {
		return visits.containsKey(nodeId);
	}

	/** Resolves the overlay's triggers and steps to the diagram's nodes, and finds the edges between them. */
	public static Highlight resolve(DiagramGraph graph, SimulationOverlay overlay) {
		Map<String, List<Integer>> visits = new LinkedHashMap<>();
		Map<String, Set<Modality>> fired = new LinkedHashMap<>();
		Set<String> recognized = new LinkedHashSet<>();
		Set<String> taken = new LinkedHashSet<>();
		List<String> unmatched = new ArrayList<>();
		List<String> path = new ArrayList<>();
		Map<String, String> lastStepOfFlow = new HashMap<>();
		int order = 0;
		for (SimulationOverlay.Visit visit : overlay.visits()) {
			if (visit instanceof SimulationOverlay.FiredTrigger trigger) {
				String id = ElementIds.trigger(trigger.agent(), trigger.index());
				if (graph.node(id) == null) {
					unmatched.add("trigger " + trigger.index() + " of " + trigger.agent());
					continue;
				}
				fired.merge(id, trigger.modalities(), (a, b) -> union(a, b));
				visits.computeIfAbsent(id, k -> new ArrayList<>()).add(++order);
				path.add(id);
				String call = ElementIds.triggerCall(trigger.agent(), trigger.index());
				if (graph.node(call) != null) {
					path.add(call);
				}
				if (trigger.modalities().contains(Modality.VOICE)) {
					for (DiagramEdge edge : graph.edges()) {
						if (edge.kind() == EdgeKind.HEARD && edge.target().equals(id)) {
							recognized.add(edge.source());
							taken.add(edge.id());
						}
					}
				}
			} else if (visit instanceof SimulationOverlay.VisitedStep step) {
				String id = nodeOf(graph, step);
				if (id == null) {
					unmatched.add("step " + step.path() + " of flow " + step.flow() + " of " + step.agent());
					continue;
				}
				String flowId = ElementIds.flow(step.agent(), step.flow());
				String previous = path.isEmpty() ? null : path.get(path.size() - 1);
				if (!id.equals(flowId) && step.path().equals("0")
						&& (previous == null || !previous.startsWith(flowId + ".") || isRun(graph, previous))) {
					path.add(flowId);
				}
				String sameFlow = lastStepOfFlow.put(flowId, id);
				if (sameFlow != null && !sameFlow.equals(previous)) {
					markEdges(graph, sameFlow, id, taken);
				}
				visits.computeIfAbsent(id, k -> new ArrayList<>()).add(++order);
				path.add(id);
			}
		}
		for (int i = 1; i < path.size(); i++) {
			markEdges(graph, path.get(i - 1), path.get(i), taken);
		}
		String active = overlay.active() == null ? null : nodeOf(graph, overlay.active());
		if (overlay.active() != null && active == null) {
			unmatched.add("active step " + overlay.active().path() + " of flow " + overlay.active().flow());
		}
		return new Highlight(visits, active, fired, recognized, taken, unmatched);
	}

	/** The step's node, or the flow's when the flow is collapsed; {@code null} if the diagram shows neither. */
	private static String nodeOf(DiagramGraph graph, SimulationOverlay.VisitedStep step) {
		String id = ElementIds.step(step.agent(), step.flow(), step.path());
		if (graph.node(id) != null) {
			return id;
		}
		DiagramNode flow = graph.node(ElementIds.flow(step.agent(), step.flow()));
		return flow != null && flow.collapsed() ? flow.id() : null;
	}

	private static boolean isRun(DiagramGraph graph, String nodeId) {
		DiagramNode node = graph.node(nodeId);
		return node != null && node.kind() == NodeKind.RUN;
	}

	private static void markEdges(DiagramGraph graph, String from, String to, Set<String> taken) {
		for (DiagramEdge edge : graph.edges()) {
			if (edge.source().equals(from) && edge.target().equals(to)) {
				taken.add(edge.id());
			}
		}
	}

	private static Set<Modality> union(Set<Modality> a, Set<Modality> b) {
		Set<Modality> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return all;
	}
}
