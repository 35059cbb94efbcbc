package dev.cabin.diagram.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Block;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.CallStep;
import dev.cabin.dsl.cabin.Case;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.End;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.Generate;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.IntentAction;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.TriggerEvent;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.language.StepPath;

/**
 * Turns parsed .cabin files into a {@link DiagramGraph}: agents containing their intents, triggers and
 * flows; flows containing their steps, connected in the order a conversation goes through them. Confirmations
 * and branches leave through one port per outcome; a flow is entered through its entry port. Everything is
 * visited in source order, so the same files always give the same graph.
 *
 * <p>
 * The model may come from a document with errors (an editor while the author types): unresolved references
 * simply leave out their edges.
 */
public final class CabinDiagramBuilder {

	private static final Map<EClass, Modality> MODALITIES = Map.of(CabinPackage.Literals.VOICE_EVENT, Modality.VOICE,
			CabinPackage.Literals.WAKE_WORD_EVENT, Modality.WAKE_WORD, CabinPackage.Literals.GAZE_EVENT, Modality.GAZE,
			CabinPackage.Literals.GESTURE_EVENT, Modality.GESTURE, CabinPackage.Literals.POSTURE_EVENT, Modality.POSTURE,
			CabinPackage.Literals.SIGNAL_EVENT, Modality.SIGNAL, CabinPackage.Literals.TOUCH_EVENT, Modality.TOUCH,
			CabinPackage.Literals.TIMER_EVENT, Modality.TIMER);

	/** Where an edge leaves from while its target (the next step) is not known yet. */
	private record Exit(String node, String port, String label) {
	}

	private final SourceLocator source;
	private final List<DiagramNode> nodes = new ArrayList<>();
	private final Set<String> nodeIds = new HashSet<>();
	private final List<DiagramPort> ports = new ArrayList<>();
	private final Map<String, DiagramEdge> edges = new LinkedHashMap<>();
	/** Edges to flows and agents that may not have been added yet: added once all nodes are. */
	private final List<Runnable> crossEdges = new ArrayList<>();
	private final Set<String> shownAgents = new HashSet<>();

	private CabinDiagramBuilder(Function<Resource, String> fileNames) {
		this.source = new SourceLocator(fileNames);
	}

	/**
	 * The diagram of the agents in the files.
	 *
	 * @param fileNames how source ranges name a file (e.g. the path as the user gave it)
	 * @throws DiagramFilterException if the files have no agent, or the options name an agent or a flow the
	 *             files do not have
	 */
	public static DiagramGraph build(Collection<CabinFile> files, DiagramOptions options,
			Function<Resource, String> fileNames) throws DiagramFilterException {
		CabinDiagramBuilder builder = new CabinDiagramBuilder(fileNames);
		List<Agent> agents = select(files, options);
		agents.forEach(agent -> builder.shownAgents.add(agent.getName()));
		for (Agent agent : agents) {
			builder.addAgent(agent, options);
		}
		builder.crossEdges.forEach(Runnable::run);
		return new DiagramGraph(builder.nodes, builder.ports, List.copyOf(builder.edges.values()));
	}

	private static List<Agent> select(Collection<CabinFile> files, DiagramOptions options)
			throws DiagramFilterException {
		List<Agent> all = files.stream().flatMap(file -> file.getAgents().stream())
				.filter(agent -> agent.getName() != null).toList();
		if (all.isEmpty()) {
			throw new DiagramFilterException("there is no agent to draw");
		}
		List<Agent> agents = all;
		if (options.agent() != null) {
			agents = all.stream().filter(agent -> agent.getName().equals(options.agent())).toList();
			if (agents.isEmpty()) {
				throw new DiagramFilterException("no agent named " + options.agent() + "; the agents are "
						+ names(all.stream().map(Agent::getName).toList()));
			}
		}
		if (options.flow() != null) {
			List<Agent> withFlow = agents.stream().filter(agent -> flowNamed(agent, options.flow()) != null).toList();
			if (withFlow.isEmpty()) {
				throw new DiagramFilterException("no flow named " + options.flow() + "; the flows are "
						+ names(agents.stream().flatMap(agent -> agent.getFlows().stream())
								.map(Flow::getName).toList()));
			}
			agents = withFlow;
		}
		return agents;
	}

	private static String names(List<String> names) {
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

	private static Flow flowNamed(Agent agent, String name) {
		return agent.getFlows().stream().filter(flow -> name.equals(flow.getName())).findFirst().orElse(null);
	}

	private void addAgent(Agent agent, DiagramOptions options) {
		String agentId = ElementIds.agent(agent.getName());
		List<String> details = agent.getTitle() == null ? List.of() : List.of(quoted(agent.getTitle()));
		addNode(new DiagramNode(agentId, null, NodeKind.AGENT, false, "agent " + agent.getName(), details,
				List.of(), source.range(agent), false));

		Flow focus = options.flow() == null ? null : flowNamed(agent, options.flow());
		List<Trigger> triggers = agent.getTriggers().stream()
				.filter(trigger -> focus == null
						|| trigger.getAction() instanceof FlowAction action && action.getFlow() == focus)
				.toList();
		Set<Intent> intents = new LinkedHashSet<>();
		if (focus == null) {
			intents.addAll(agent.getIntents());
		} else {
			triggers.forEach(trigger -> intents.addAll(heardIntents(trigger)));
		}
		for (Intent intent : agent.getIntents()) {
			if (intents.contains(intent) && intent.getName() != null) {
				addIntent(agent, intent);
			}
		}
		for (Trigger trigger : triggers) {
			addTrigger(agent, trigger);
		}
		for (Flow flow : agent.getFlows()) {
			if (flow.getName() == null) {
				continue;
			}
			String flowId = ElementIds.flow(agent.getName(), flow.getName());
			if (focus == null || flow == focus) {
				addFlow(agent, flow, options.collapsedFlows().contains(flowId));
			} else if (runsFlow(focus, flow)) {
				addFlow(agent, flow, true);
			}
		}
	}

	private static boolean runsFlow(Flow caller, Flow callee) {
		for (var it = caller.eAllContents(); it.hasNext();) {
			if (it.next() instanceof RunFlow run && run.getFlow() == callee) {
				return true;
			}
		}
		return false;
	}

	/* ---------------------------------------------------------------- intents and triggers */

	private void addIntent(Agent agent, Intent intent) {
		List<String> details = new ArrayList<>();
		Map<String, Integer> examplesPerLocale = new LinkedHashMap<>();
		String firstExample = null;
		for (LocalizedPhrases phrases : intent.getUtterances()) {
			examplesPerLocale.merge(String.valueOf(phrases.getLocale()), phrases.getTexts().size(), Integer::sum);
			if (firstExample == null && !phrases.getTexts().isEmpty()) {
				firstExample = phrases.getTexts().get(0);
			}
		}
		if (firstExample != null) {
			details.add(quoted(firstExample));
		}
		if (!examplesPerLocale.isEmpty()) {
			details.add(examplesPerLocale.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
					.collect(Collectors.joining(" · ")) + " examples");
		}
		for (Slot slot : intent.getSlots()) {
			details.add("slot " + slot.getName() + ": " + SourceLocator.text(slot.getType()));
		}
		addNode(new DiagramNode(ElementIds.intent(agent.getName(), intent.getName()),
				ElementIds.agent(agent.getName()), NodeKind.INTENT, false, "intent " + intent.getName(), details,
				List.of(), source.range(intent), false));
	}

	private void addTrigger(Agent agent, Trigger trigger) {
		int index = agent.getTriggers().indexOf(trigger);
		String agentId = ElementIds.agent(agent.getName());
		String triggerId = ElementIds.trigger(agent.getName(), index);
		List<Modality> modalities = new ArrayList<>();
		modalities.add(modality(trigger.getEvent()));
		List<String> details = new ArrayList<>();
		if (trigger.getPartner() != null) {
			modalities.add(modality(trigger.getPartner()));
			details.add("within " + SourceLocator.text(trigger.getWindow()) + " of "
					+ SourceLocator.text(trigger.getPartner()));
		}
		if (trigger.getGuard() != null) {
			details.add("when " + SourceLocator.text(trigger.getGuard()));
		}
		modalities.removeIf(modality -> modality == null);
		addNode(new DiagramNode(triggerId, agentId, NodeKind.TRIGGER, false, SourceLocator.text(trigger.getEvent()),
				details, modalities, source.range(trigger), false));

		if (trigger.getAction() instanceof CallAction action && action.getCall() != null) {
			String callId = ElementIds.triggerCall(agent.getName(), index);
			addNode(new DiagramNode(callId, agentId, NodeKind.CALL, false, "call",
					List.of(withoutKeyword(SourceLocator.text(action.getCall()), "call")), List.of(),
					source.range(action), false));
			addEdge(EdgeKind.TRIGGERS, triggerId, null, callId, null, null);
		}
		crossEdges.add(() -> connectTrigger(agent, trigger, triggerId));
	}

	private void connectTrigger(Agent agent, Trigger trigger, String triggerId) {
		for (Intent intent : heardIntents(trigger)) {
			String intentId = ElementIds.intent(agent.getName(), String.valueOf(intent.getName()));
			if (nodeIds.contains(intentId)) {
				addEdge(EdgeKind.HEARD, intentId, null, triggerId, null, null);
			}
		}
		if (trigger.getAction() instanceof FlowAction action) {
			String flowId = flowId(action.getFlow());
			if (flowId != null && nodeIds.contains(flowId)) {
				addEdge(EdgeKind.TRIGGERS, triggerId, null, flowId, entryPort(flowId), null);
			}
		} else if (trigger.getAction() instanceof IntentAction action && action.getIntent() != null
				&& !action.getIntent().eIsProxy()) {
			String intentId = ElementIds.of(action.getIntent());
			if (intentId != null && nodeIds.contains(intentId)) {
				addEdge(EdgeKind.TRIGGERS, triggerId, null, intentId, null, "as intent");
			}
		}
	}

	/** The intents a trigger listens for, in its event and its fused partner event. */
	private static List<Intent> heardIntents(Trigger trigger) {
		List<Intent> intents = new ArrayList<>();
		for (TriggerEvent event : new TriggerEvent[] { trigger.getEvent(), trigger.getPartner() }) {
			if (event instanceof VoiceEvent voice && voice.getIntent() != null && !voice.getIntent().eIsProxy()) {
				intents.add(voice.getIntent());
			}
		}
		return intents;
	}

	private static Modality modality(TriggerEvent event) {
		return event == null ? null : MODALITIES.get(event.eClass());
	}

	/* ---------------------------------------------------------------- flows and steps */

	private void addFlow(Agent agent, Flow flow, boolean collapsed) {
		String flowId = ElementIds.flow(agent.getName(), flow.getName());
		List<String> details = new ArrayList<>();
		if (collapsed) {
			long steps = countSteps(flow);
			details.add(steps + (steps == 1 ? " step" : " steps"));
		}
		addNode(new DiagramNode(flowId, ElementIds.agent(agent.getName()), NodeKind.FLOW, false,
				"flow " + flow.getName(), details, List.of(), source.range(flow), collapsed));
		ports.add(new DiagramPort(entryPort(flowId), flowId, DiagramPort.Side.WEST, 0));
		if (collapsed) {
			connectCollapsed(flow, flowId);
			return;
		}
		List<Exit> open = sequence(agent, flow, flow.getSteps(), StepPath.FLOW,
				List.of(new Exit(flowId, entryPort(flowId), null)));
		if (!open.isEmpty()) {
			String exitId = ElementIds.flowExit(agent.getName(), flow.getName());
			addNode(new DiagramNode(exitId, flowId, NodeKind.FLOW_EXIT, false, "end of flow", List.of(), List.of(),
					source.lastCharacter(flow), false));
			open.forEach(exit -> connect(exit, exitId));
		}
	}

	private static long countSteps(Flow flow) {
		long count = 0;
		for (var it = flow.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Step) {
				count++;
			}
		}
		return count;
	}

	/** A collapsed flow stands for its steps: the flows they run and the agents they hand off to. */
	private void connectCollapsed(Flow flow, String flowId) {
		for (var it = flow.eAllContents(); it.hasNext();) {
			EObject element = it.next();
			if (element instanceof RunFlow run) {
				crossEdges.add(() -> connectRun(flowId, run));
			} else if (element instanceof Handoff handoff) {
				crossEdges.add(() -> connectHandoff(flowId, handoff));
			}
		}
	}

	/**
	 * Adds the steps in order, each connected from where the previous one left off, and returns where the
	 * last ones leave off (nothing after an end or a handoff; every open outcome after a confirmation or a
	 * branch).
	 */
	private List<Exit> sequence(Agent agent, Flow flow, List<Step> steps, String prefix, List<Exit> incoming) {
		List<Exit> open = incoming;
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			String path = StepPath.step(prefix, i);
			String stepId = ElementIds.step(agent.getName(), flow.getName(), path);
			addNode(stepNode(agent, step, stepId, ElementIds.flow(agent.getName(), flow.getName())));
			open.forEach(exit -> connect(exit, stepId));
			open = leave(agent, flow, step, stepId, path);
		}
		return open;
	}

	private List<Exit> leave(Agent agent, Flow flow, Step step, String stepId, String path) {
		if (step instanceof End) {
			return List.of();
		}
		if (step instanceof Handoff handoff) {
			crossEdges.add(() -> connectHandoff(stepId, handoff));
			return List.of();
		}
		if (step instanceof RunFlow run) {
			crossEdges.add(() -> connectRun(stepId, run));
		}
		if (step instanceof Confirm confirm) {
			List<Exit> open = new ArrayList<>(outcome(agent, flow, confirm.getYes(), stepId, path, StepPath.YES, 0, "yes"));
			open.addAll(outcome(agent, flow, confirm.getNo(), stepId, path, StepPath.NO, 1, "no"));
			return open;
		}
		if (step instanceof Branch branch) {
			List<Exit> open = new ArrayList<>();
			for (int i = 0; i < branch.getCases().size(); i++) {
				Case branchCase = branch.getCases().get(i);
				open.addAll(outcome(agent, flow, branchCase.getBody(), stepId, path, StepPath.whenCase(i), i,
						SourceLocator.text(branchCase.getCondition())));
			}
			open.addAll(outcome(agent, flow, branch.getOtherwise(), stepId, path, StepPath.OTHERWISE,
					branch.getCases().size(), "otherwise"));
			return open;
		}
		return List.of(new Exit(stepId, null, null));
	}

	/** The steps of one outcome of a confirmation or branch; without a block, the outcome goes on after it. */
	private List<Exit> outcome(Agent agent, Flow flow, Block block, String stepId,
			String path, String name, int index, String label) {
		String portId = ElementIds.port(stepId, name);
		ports.add(new DiagramPort(portId, stepId, DiagramPort.Side.EAST, index));
		List<Exit> start = List.of(new Exit(stepId, portId, label));
		return block == null ? start : sequence(agent, flow, block.getSteps(), StepPath.block(path, name), start);
	}

	private void connect(Exit exit, String target) {
		EdgeKind kind = exit.port() != null && exit.port().equals(entryPort(exit.node())) ? EdgeKind.ENTRY
				: exit.label() != null ? EdgeKind.OUTCOME : EdgeKind.NEXT;
		addEdge(kind, exit.node(), exit.port(), target, null, exit.label());
	}

	private void connectRun(String from, RunFlow run) {
		String flowId = flowId(run.getFlow());
		if (flowId != null && nodeIds.contains(flowId)) {
			addEdge(EdgeKind.RUNS, from, null, flowId, entryPort(flowId), "run");
		}
	}

	private void connectHandoff(String from, Handoff handoff) {
		Agent target = handoff.getAgent();
		if (target == null || target.eIsProxy() || target.getName() == null) {
			return;
		}
		String targetId = ElementIds.agent(target.getName());
		if (!shownAgents.contains(target.getName())) {
			targetId = ElementIds.externalAgent(target.getName());
			if (!nodeIds.contains(targetId)) {
				addNode(new DiagramNode(targetId, null, NodeKind.EXTERNAL_AGENT, false, "agent " + target.getName(),
						List.of("not shown here"), List.of(), source.range(target), false));
			}
		}
		String label = handoff.getIntent() == null ? "handoff"
				: "handoff with " + SourceLocator.text(handoff).replaceFirst("^.* with ", "");
		addEdge(EdgeKind.HANDOFF, from, null, targetId, null, label);
	}

	private DiagramNode stepNode(Agent agent, Step step, String stepId, String flowId) {
		String keyword = SourceLocator.text(step).split(" ", 2)[0];
		NodeKind kind;
		List<String> details = new ArrayList<>();
		String title = keyword;
		if (step instanceof Say say) {
			kind = NodeKind.SAY;
			details.add(quoted(localized(agent, say.getTexts())));
			if (!say.getScreen().isEmpty()) {
				details.add("screen " + quoted(localized(agent, say.getScreen())));
			}
		} else if (step instanceof Ask ask) {
			kind = NodeKind.ASK;
			title = SourceLocator.text(step).replaceFirst(" prompt .*", "");
			if (!ask.getPrompt().isEmpty()) {
				details.add(quoted(localized(agent, ask.getPrompt())));
			}
		} else if (step instanceof Confirm confirm) {
			kind = NodeKind.CONFIRM;
			details.add(quoted(localized(agent, confirm.getTexts())));
		} else if (step instanceof Branch branch) {
			kind = NodeKind.BRANCH;
			int cases = branch.getCases().size();
			details.add(cases + (cases == 1 ? " case" : " cases") + (branch.getOtherwise() == null ? "" : " + otherwise"));
		} else if (step instanceof CallStep call) {
			kind = NodeKind.CALL;
			details.add(withoutKeyword(SourceLocator.text(call.getCall()), "call"));
		} else if (step instanceof Generate generate) {
			kind = NodeKind.GENERATE;
			details.add(quoted(localized(agent, generate.getInstructions())));
			if (!generate.getFallback().isEmpty()) {
				details.add("fallback " + quoted(localized(agent, generate.getFallback())));
			}
		} else if (step instanceof Handoff) {
			kind = NodeKind.HANDOFF;
			details.add(withoutKeyword(SourceLocator.text(step), keyword));
		} else if (step instanceof RunFlow) {
			kind = NodeKind.RUN;
			details.add(withoutKeyword(SourceLocator.text(step), keyword));
		} else {
			kind = NodeKind.END;
		}
		return new DiagramNode(stepId, flowId, kind, true, title, details, List.of(), source.range(step), false);
	}

	/* ---------------------------------------------------------------- helpers */

	private void addNode(DiagramNode node) {
		nodes.add(node);
		nodeIds.add(node.id());
	}

	private void addEdge(EdgeKind kind, String from, String fromPort, String to, String toPort, String label) {
		String base = (fromPort != null ? fromPort : from) + "--" + (toPort != null ? toPort : to);
		String id = base;
		for (int n = 2; edges.containsKey(id); n++) {
			id = base + "-" + n;
		}
		edges.put(id, new DiagramEdge(id, kind, from, fromPort, to, toPort, label));
	}

	private static String entryPort(String flowId) {
		return ElementIds.port(flowId, "entry");
	}

	private static String flowId(Flow flow) {
		return flow == null || flow.eIsProxy() ? null : ElementIds.of(flow);
	}

	/** The text in the agent's first locale (texts without a locale are in it), else the first text. */
	private static String localized(Agent agent, List<LocalizedText> texts) {
		String locale = agent.getLocales().isEmpty() ? null : agent.getLocales().get(0);
		for (LocalizedText text : texts) {
			if (text.getLocale() == null || text.getLocale().equals(locale)) {
				return text.getText();
			}
		}
		return texts.isEmpty() ? "" : texts.get(0).getText();
	}

	private static String withoutKeyword(String text, String keyword) {
		return text.startsWith(keyword + " ") ? text.substring(keyword.length() + 1) : text;
	}

	private static String quoted(String text) {
		return "\u201C" + (text == null ? "" : text) + "\u201D";
	}
}
