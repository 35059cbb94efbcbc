package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Ask;
import dev.cabin.dsl.cabin.Block;
import dev.cabin.dsl.cabin.Branch;
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
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Say;
import dev.cabin.dsl.cabin.SignalEvent;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.TriggerEvent;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.validation.Conditions.Dnf;

/**
 * What an agent's flows do, worked out once per validation: which flows and intents nothing reaches, steps that
 * can never run, paths on which the driver gets no answer, loops without the driver, and under which conditions
 * each step can run (for the driving policies).
 *
 * <p>Flow semantics assumed here: {@code end} and {@code handoff} finish the flow; {@code run} continues after
 * the sub-flow; a {@code confirm} without {@code no} continues after it when the driver says no; a
 * {@code branch} without {@code otherwise} continues after it when no case holds.
 */
final class FlowAnalysis {

	/**
	 * The conditions under which a step can run: {@code all} over every way into it, {@code unconfirmed} over
	 * the ways that do not pass a {@code confirm} (FALSE inside a confirmation's yes block).
	 */
	record Context(Dnf all, Dnf unconfirmed) {
		static final Context ANYWHERE = new Context(Dnf.TRUE, Dnf.TRUE);

		Context and(Dnf condition) {
			return new Context(all.and(condition), unconfirmed.and(condition));
		}

		Context or(Context other) {
			return new Context(all.or(other.all), unconfirmed.or(other.unconfirmed));
		}

		Context confirmed() {
			return new Context(all, Dnf.FALSE);
		}
	}

	private static final int MAX_ROUNDS = 8;

	private final Agent agent;
	private final Map<Flow, Context> triggerEntries = new HashMap<>();
	private final Map<EObject, Context> contexts = new IdentityHashMap<>();
	private final Set<Flow> usedFlows = new HashSet<>();
	private final Set<Intent> reachedIntents = new HashSet<>();

	FlowAnalysis(Agent agent) {
		this.agent = agent;
		collectTriggers();
		computeContexts();
	}

	/** The contexts of every step and of every trigger that calls a tool directly. */
	Map<EObject, Context> contexts() {
		return contexts;
	}

	boolean isUsed(Flow flow) {
		return usedFlows.contains(flow);
	}

	boolean isReached(Intent intent) {
		return reachedIntents.contains(intent);
	}

	private void collectTriggers() {
		for (Trigger trigger : agent.getTriggers()) {
			reach(trigger.getEvent());
			reach(trigger.getPartner());
			if (trigger.getAction() instanceof FlowAction action && action.getFlow() != null) {
				usedFlows.add(action.getFlow());
			} else if (trigger.getAction() instanceof IntentAction action && action.getIntent() != null) {
				reachedIntents.add(action.getIntent());
			}
		}
		for (Flow flow : agent.getFlows()) {
			for (RunFlow run : org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(flow, RunFlow.class)) {
				if (run.getFlow() != null && run.getFlow() != flow) {
					usedFlows.add(run.getFlow());
				}
			}
		}
		for (Trigger trigger : agent.getTriggers()) {
			Dnf condition = triggerCondition(trigger);
			if (trigger.getAction() instanceof FlowAction action) {
				enter(action.getFlow(), condition);
			} else if (trigger.getAction() instanceof IntentAction action) {
				// the event stands for the intent: whatever the intent's own voice triggers start
				for (Trigger voice : agent.getTriggers()) {
					if (voice.getEvent() instanceof VoiceEvent event && event.getIntent() == action.getIntent()
							&& voice != trigger) {
						Dnf both = condition.and(triggerCondition(voice));
						if (voice.getAction() instanceof FlowAction start) {
							enter(start.getFlow(), both);
						} else if (voice.getAction() instanceof CallAction) {
							contexts.merge(voice, new Context(both, both), Context::or);
						}
					}
				}
			} else if (trigger.getAction() instanceof CallAction) {
				contexts.merge(trigger, new Context(condition, condition), Context::or);
			}
		}
	}

	private void reach(TriggerEvent event) {
		if (event instanceof VoiceEvent voice && voice.getIntent() != null) {
			reachedIntents.add(voice.getIntent());
		}
	}

	private void enter(Flow flow, Dnf condition) {
		if (flow != null && flow.eContainer() == agent) {
			triggerEntries.merge(flow, new Context(condition, condition), Context::or);
		}
	}

	/** The guard of a trigger, and the condition of its signal events (a signal trigger fires when it holds). */
	static Dnf triggerCondition(Trigger trigger) {
		Dnf condition = Conditions.of(trigger.getGuard());
		for (TriggerEvent event : new TriggerEvent[] { trigger.getEvent(), trigger.getPartner() }) {
			if (event instanceof SignalEvent signal) {
				condition = condition.and(Conditions.of(signal.getCondition()));
			}
		}
		return condition;
	}

	/* Entries by runs depend on the contexts of the run steps: iterate to a fixed point, then give up soundly. */
	private void computeContexts() {
		Map<Flow, Context> entries = new LinkedHashMap<>(triggerEntries);
		for (int round = 0; round <= MAX_ROUNDS; round++) {
			Map<Flow, Context> runEntries = new HashMap<>();
			contexts.keySet().removeIf(key -> !(key instanceof Trigger));
			for (Flow flow : agent.getFlows()) {
				Context entry = entries.get(flow);
				walk(flow.getSteps(), entry != null ? entry : Context.ANYWHERE, runEntries);
			}
			Map<Flow, Context> next = new LinkedHashMap<>(triggerEntries);
			runEntries.forEach((flow, context) -> next.merge(flow, context, Context::or));
			if (next.equals(entries)) {
				return;
			}
			entries = round < MAX_ROUNDS ? next : everywhere(next);
		}
	}

	private static Map<Flow, Context> everywhere(Map<Flow, Context> entries) {
		Map<Flow, Context> result = new LinkedHashMap<>();
		entries.keySet().forEach(flow -> result.put(flow, Context.ANYWHERE));
		return result;
	}

	private void walk(List<Step> steps, Context context, Map<Flow, Context> runEntries) {
		for (Step step : steps) {
			contexts.put(step, context);
			if (step instanceof Branch branch) {
				Dnf none = Dnf.TRUE;
				for (Case branchCase : branch.getCases()) {
					Dnf condition = Conditions.of(branchCase.getCondition());
					walk(stepsOf(branchCase.getBody()), context.and(none.and(condition)), runEntries);
					none = none.and(condition.not());
				}
				walk(stepsOf(branch.getOtherwise()), context.and(none), runEntries);
			} else if (step instanceof Confirm confirm) {
				walk(stepsOf(confirm.getYes()), context.confirmed(), runEntries);
				walk(stepsOf(confirm.getNo()), context, runEntries);
			} else if (step instanceof RunFlow run && run.getFlow() != null && run.getFlow().eContainer() == agent) {
				runEntries.merge(run.getFlow(), context, Context::or);
			}
		}
	}

	static List<Step> stepsOf(Block block) {
		return block == null ? List.of() : block.getSteps();
	}

	/* ------------------------------------------------------------------ structure */

	/** Reports steps that can never run: after {@code end}, {@code handoff}, or a step all of whose paths end. */
	static void reportUnreachableSteps(Flow flow, IssueSink sink) {
		terminates(flow.getSteps(), sink);
	}

	private static boolean terminates(List<Step> steps, IssueSink sink) {
		for (int i = 0; i < steps.size(); i++) {
			if (terminates(steps.get(i), sink)) {
				if (i + 1 < steps.size()) {
					sink.warning("this step never runs: the steps before it always end the flow", steps.get(i + 1),
							null, CabinIssueCodes.UNREACHABLE_STEP);
				}
				return true;
			}
		}
		return false;
	}

	private static boolean terminates(Step step, IssueSink sink) {
		if (step instanceof End || step instanceof Handoff) {
			return true;
		}
		if (step instanceof Branch branch) {
			boolean all = true;
			for (Case branchCase : branch.getCases()) {
				all &= terminates(stepsOf(branchCase.getBody()), sink);
			}
			boolean otherwise = terminates(stepsOf(branch.getOtherwise()), sink);
			return all && branch.getOtherwise() != null && otherwise;
		}
		if (step instanceof Confirm confirm) {
			boolean yes = terminates(stepsOf(confirm.getYes()), sink);
			boolean no = terminates(stepsOf(confirm.getNo()), sink);
			return yes && confirm.getNo() != null && no;
		}
		return false;
	}

	/* ------------------------------------------------------------------ dead ends */

	/** Where the driver's last input came from, on a path that has not answered it yet. */
	private record Silence(EObject origin, String when) {
		static final Silence ANSWERED = new Silence(null, null);
	}

	/**
	 * Reports paths on which the driver gets no answer: after a flow starts, after an {@code ask} or after a
	 * {@code confirm}, the flow must say, ask, confirm, generate, call a tool, run a flow or hand off before it
	 * ends.
	 */
	static void reportDeadEnds(Flow flow, IssueSink sink) {
		Set<Silence> reported = new HashSet<>();
		Set<Silence> out = answer(flow.getSteps(), Set.of(new Silence(flow, "when it starts")), sink, reported);
		for (Silence silence : out) {
			reportSilence(silence, sink, reported);
		}
	}

	private static Set<Silence> answer(List<Step> steps, Set<Silence> in, IssueSink sink, Set<Silence> reported) {
		Set<Silence> states = in;
		for (Step step : steps) {
			if (step instanceof Say || step instanceof Generate || step instanceof CallStep || step instanceof RunFlow) {
				states = Set.of(Silence.ANSWERED);
			} else if (step instanceof Ask) {
				states = Set.of(new Silence(step, "after the driver answers"));
			} else if (step instanceof Confirm confirm) {
				Set<Silence> next = new LinkedHashSet<>(
						answer(stepsOf(confirm.getYes()), Set.of(new Silence(step, "when the driver says yes")), sink, reported));
				Set<Silence> no = Set.of(new Silence(step, "when the driver says no"));
				next.addAll(confirm.getNo() != null ? answer(confirm.getNo().getSteps(), no, sink, reported) : no);
				states = next;
			} else if (step instanceof Branch branch) {
				Set<Silence> next = new LinkedHashSet<>();
				for (Case branchCase : branch.getCases()) {
					next.addAll(answer(stepsOf(branchCase.getBody()), states, sink, reported));
				}
				next.addAll(branch.getOtherwise() != null ? answer(branch.getOtherwise().getSteps(), states, sink, reported)
						: states);
				states = next;
			} else if (step instanceof Handoff) {
				return Set.of();
			} else if (step instanceof End) {
				for (Silence silence : states) {
					reportSilence(silence, sink, reported);
				}
				return Set.of();
			}
		}
		return states;
	}

	private static void reportSilence(Silence silence, IssueSink sink, Set<Silence> reported) {
		if (silence == Silence.ANSWERED || !reported.add(silence)) {
			return;
		}
		String what = silence.origin() instanceof Flow ? "the flow" : "this step";
		sink.warning("dead end: " + what + " can end without answering the driver " + silence.when()
				+ " (say, ask, confirm, generate, call, run or hand off first)", silence.origin(),
				silence.origin() instanceof Flow ? CabinPackage.Literals.FLOW__NAME : null, CabinIssueCodes.DEAD_END);
	}

	/* ------------------------------------------------------------------ loops without the driver */

	/** The runs and handoffs a flow can reach before it waits for the driver (an ask or a confirm). */
	static void beforeInput(List<Step> steps, List<Step> found) {
		for (Step step : steps) {
			if (step instanceof RunFlow || step instanceof Handoff) {
				found.add(step);
			}
			if (step instanceof Ask || step instanceof Confirm || step instanceof End || step instanceof Handoff) {
				return;
			}
			if (step instanceof Branch branch) {
				for (Case branchCase : branch.getCases()) {
					beforeInput(stepsOf(branchCase.getBody()), found);
				}
				beforeInput(stepsOf(branch.getOtherwise()), found);
			}
		}
	}

	/** Reports runs that come back to their own flow without waiting for the driver: an endless loop. */
	static void reportRunCycles(Agent agent, IssueSink sink) {
		Map<Flow, List<RunFlow>> runs = new HashMap<>();
		for (Flow flow : agent.getFlows()) {
			List<Step> found = new ArrayList<>();
			beforeInput(flow.getSteps(), found);
			runs.put(flow, found.stream().filter(RunFlow.class::isInstance).map(RunFlow.class::cast).toList());
		}
		for (Flow flow : agent.getFlows()) {
			for (RunFlow run : runs.get(flow)) {
				if (run.getFlow() != null && reaches(run.getFlow(), flow, runs, new HashSet<>())) {
					sink.error("endless loop: " + run.getFlow().getName() + " runs " + flow.getName()
							+ " again without waiting for the driver", run, CabinPackage.Literals.RUN_FLOW__FLOW,
							CabinIssueCodes.RUN_CYCLE);
				}
			}
		}
	}

	private static boolean reaches(Flow from, Flow target, Map<Flow, List<RunFlow>> runs, Set<Flow> seen) {
		if (from == target) {
			return true;
		}
		if (!seen.add(from)) {
			return false;
		}
		for (RunFlow run : runs.getOrDefault(from, List.of())) {
			if (run.getFlow() != null && reaches(run.getFlow(), target, runs, seen)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reports handoffs that come back without the driver: this agent hands off with an intent whose flow in the
	 * other agent hands off (before asking anything) with an intent ... that starts this very flow again.
	 */
	static void reportHandoffCycles(Agent agent, IssueSink sink) {
		Map<Agent, Map<Intent, List<Handoff>>> cache = new HashMap<>();
		Map<Intent, List<Handoff>> own = handoffsBeforeInput(agent, cache);
		Set<Handoff> reported = new HashSet<>();
		own.forEach((intent, handoffs) -> {
			for (Handoff handoff : handoffs) {
				if (handoff.getIntent() != null && handoff.getAgent() != null && !reported.contains(handoff)
						&& comesBack(handoff.getAgent(), handoff.getIntent(), agent, intent, cache, new HashSet<>())) {
					reported.add(handoff);
					sink.error("endless handoff: " + handoff.getAgent().getName() + " hands " + intent.getName()
							+ " back to " + agent.getName() + " without waiting for the driver", handoff,
							CabinPackage.Literals.HANDOFF__AGENT, CabinIssueCodes.HANDOFF_CYCLE);
				}
			}
		});
	}

	private static boolean comesBack(Agent agent, Intent intent, Agent home, Intent homeIntent,
			Map<Agent, Map<Intent, List<Handoff>>> cache, Set<List<Object>> seen) {
		if (agent == home && intent == homeIntent) {
			return true;
		}
		if (!seen.add(List.of(agent, intent))) {
			return false;
		}
		for (Handoff handoff : handoffsBeforeInput(agent, cache).getOrDefault(intent, List.of())) {
			if (handoff.getIntent() != null && handoff.getAgent() != null
					&& comesBack(handoff.getAgent(), handoff.getIntent(), home, homeIntent, cache, seen)) {
				return true;
			}
		}
		return false;
	}

	/** For each intent of an agent, the handoffs its voice triggers reach before the agent waits for the driver. */
	private static Map<Intent, List<Handoff>> handoffsBeforeInput(Agent agent,
			Map<Agent, Map<Intent, List<Handoff>>> cache) {
		Map<Intent, List<Handoff>> cached = cache.get(agent);
		if (cached != null) {
			return cached;
		}
		Map<Intent, List<Handoff>> result = new HashMap<>();
		cache.put(agent, result);
		for (Trigger trigger : agent.getTriggers()) {
			if (trigger.getEvent() instanceof VoiceEvent voice && voice.getIntent() != null && trigger.getPartner() == null
					&& trigger.getAction() instanceof FlowAction action && action.getFlow() != null) {
				List<Handoff> handoffs = result.computeIfAbsent(voice.getIntent(), i -> new ArrayList<>());
				collectHandoffs(action.getFlow(), handoffs, new HashSet<>());
			}
		}
		return result;
	}

	private static void collectHandoffs(Flow flow, List<Handoff> handoffs, Set<Flow> seen) {
		if (!seen.add(flow)) {
			return;
		}
		List<Step> found = new ArrayList<>();
		beforeInput(flow.getSteps(), found);
		for (Step step : found) {
			if (step instanceof Handoff handoff) {
				handoffs.add(handoff);
			} else if (step instanceof RunFlow run && run.getFlow() != null) {
				collectHandoffs(run.getFlow(), handoffs, seen);
			}
		}
	}
}
