package dev.cabin.diagram.graph;

import java.util.Collection;
import java.util.Iterator;

import org.eclipse.emf.ecore.EObject;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Block;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Case;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.language.StepPath;

/**
 * The ids of diagram elements, built from what an author can see in the text so that they stay the same
 * across edits elsewhere and can be written by hand (in tests, traces and links):
 *
 * <pre>
 * agent          CarGenius
 * intent         CarGenius.intent.TirePressure
 * trigger        CarGenius.trigger.3                    the 4th "on ..." clause of the agent
 * flow           CarGenius.flow.CheckTires
 * step           CarGenius.flow.CheckTires.step.PATH    PATH as in {@link StepPath}
 * end of flow    CarGenius.flow.CheckTires.exit
 * </pre>
 *
 * The characters are letters, digits, '.', '_' and '-' only, so ids are valid in SVG, CSS and URLs.
 */
public final class ElementIds {

	private ElementIds() {
	}

	public static String agent(String agent) {
		return agent;
	}

	public static String intent(String agent, String intent) {
		return agent + ".intent." + intent;
	}

	public static String trigger(String agent, int index) {
		return agent + ".trigger." + index;
	}

	/** The tool call a trigger makes directly ({@code on gaze ... -> call sunroof.open()}). */
	public static String triggerCall(String agent, int index) {
		return trigger(agent, index) + ".call";
	}

	public static String flow(String agent, String flow) {
		return agent + ".flow." + flow;
	}

	public static String step(String agent, String flow, String path) {
		return flow(agent, flow) + ".step." + path;
	}

	public static String flowExit(String agent, String flow) {
		return flow(agent, flow) + ".exit";
	}

	public static String externalAgent(String agent) {
		return "external." + agent;
	}

	public static String port(String nodeId, String name) {
		return nodeId + ".port." + name;
	}

	/** The position of a step inside its flow ({@link StepPath}), or {@code null} if it is in none. */
	public static String stepPath(Step step) {
		EObject container = step.eContainer();
		if (container instanceof Flow flow) {
			return StepPath.step(StepPath.FLOW, flow.getSteps().indexOf(step));
		}
		if (!(container instanceof Block block)) {
			return null;
		}
		String blockPath = blockPath(block);
		return blockPath == null ? null : StepPath.step(blockPath, block.getSteps().indexOf(step));
	}

	private static String blockPath(Block block) {
		EObject owner = block.eContainer();
		if (owner instanceof Confirm confirm) {
			return blockOf(confirm, block == confirm.getYes() ? StepPath.YES : StepPath.NO);
		}
		if (owner instanceof Case branchCase && branchCase.eContainer() instanceof Branch branch) {
			return blockOf(branch, StepPath.whenCase(branch.getCases().indexOf(branchCase)));
		}
		if (owner instanceof Branch branch) {
			return blockOf(branch, StepPath.OTHERWISE);
		}
		return null;
	}

	private static String blockOf(Step step, String name) {
		String path = stepPath(step);
		return path == null ? null : StepPath.block(path, name);
	}

	/** The flow a step belongs to, however deeply nested, or {@code null}. */
	public static Flow flowOf(EObject element) {
		EObject current = element;
		while (current != null && !(current instanceof Flow)) {
			current = current.eContainer();
		}
		return (Flow) current;
	}

	/** The agent an element belongs to, or {@code null}. */
	public static Agent agentOf(EObject element) {
		EObject current = element;
		while (current != null && !(current instanceof Agent)) {
			current = current.eContainer();
		}
		return (Agent) current;
	}

	/** The id of an agent, intent, trigger, flow or step, or {@code null} for other elements. */
	public static String of(EObject element) {
		Agent agent = agentOf(element);
		if (agent == null || agent.getName() == null) {
			return null;
		}
		String agentName = agent.getName();
		if (element instanceof Agent) {
			return agent(agentName);
		}
		if (element instanceof Intent intent && intent.eContainer() == agent) {
			return intent(agentName, intent.getName());
		}
		if (element instanceof Trigger trigger) {
			return trigger(agentName, agent.getTriggers().indexOf(trigger));
		}
		if (element instanceof Flow flow) {
			return flow(agentName, flow.getName());
		}
		if (element instanceof Step step) {
			Flow flow = flowOf(step);
			String path = stepPath(step);
			return flow == null || path == null ? null : step(agentName, flow.getName(), path);
		}
		return null;
	}

	/** The agent, intent, trigger, flow or step with this id in the files, or {@code null}. */
	public static EObject find(Collection<CabinFile> files, String id) {
		for (CabinFile file : files) {
			for (Iterator<EObject> it = file.eAllContents(); it.hasNext();) {
				EObject element = it.next();
				if (element instanceof Agent || element instanceof Intent || element instanceof Trigger
						|| element instanceof Flow || element instanceof Step) {
					if (id.equals(of(element))) {
						return element;
					}
				}
			}
		}
		return null;
	}
}
