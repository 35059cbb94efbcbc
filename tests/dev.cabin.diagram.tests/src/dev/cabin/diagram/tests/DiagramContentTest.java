package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cabin.diagram.graph.DiagramEdge;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.ElementIds;
import dev.cabin.diagram.tests.AgentSets.AgentSet;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Branch;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.CallAction;
import dev.cabin.dsl.cabin.Confirm;
import dev.cabin.dsl.cabin.End;
import dev.cabin.dsl.cabin.FlowAction;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.cabin.IntentAction;
import dev.cabin.dsl.cabin.RunFlow;
import dev.cabin.dsl.cabin.Step;
import dev.cabin.dsl.cabin.Trigger;
import dev.cabin.dsl.cabin.VoiceEvent;
import dev.cabin.dsl.load.LoadResult;

/** What the SVG shows of each agent: every step, pointing back at its source, and every connection. */
class DiagramContentTest {

	private static final Pattern SOURCE = Pattern.compile("(.+):(\\d+):(\\d+)-(\\d+):(\\d+)");

	static List<AgentSet> agentSets() {
		return AgentSets.all();
	}

	@ParameterizedTest
	@MethodSource("agentSets")
	void everyStepIsABoxThatPointsAtItsSourceText(AgentSet set) throws Exception {
		LoadResult loaded = AgentSets.load(set);
		SvgDocument svg = SvgDocument.parse(Drawing.svg(loaded));
		Map<String, List<String>> lines = new HashMap<>();
		for (Path file : set.files()) {
			lines.put(file.getFileName().toString(), Files.readAllLines(file));
		}
		List<Step> steps = all(loaded, Step.class);
		assertFalse(steps.isEmpty());
		for (Step step : steps) {
			SvgDocument.Node node = svg.nodes.get(ElementIds.of(step));
			assertNotNull(node, "the SVG shows " + ElementIds.of(step));
			assertTrue(node.classes().contains("step"), node.id());
			String keyword = keyword(step);
			assertEquals(keyword, node.attribute("data-kind"), node.id());
			Matcher source = SOURCE.matcher(node.attribute("data-source"));
			assertTrue(source.matches(), node.attribute("data-source"));
			String line = lines.get(source.group(1)).get(Integer.parseInt(source.group(2)) - 1);
			String written = line.substring(Integer.parseInt(source.group(3)) - 1);
			assertTrue(written.startsWith(keyword.equals("call") ? "call " : keyword),
					node.id() + " points at \"" + written + "\", not at a " + keyword);
		}
		assertEquals(steps.size(), svg.nodes.values().stream().filter(node -> node.classes().contains("step")).count(),
				"one box per step");
	}

	@ParameterizedTest
	@MethodSource("agentSets")
	void everyConnectionIsAnEdge(AgentSet set) throws Exception {
		LoadResult loaded = AgentSets.load(set);
		SvgDocument svg = SvgDocument.parse(Drawing.svg(loaded));
		for (DiagramEdge edge : Drawing.graph(loaded, DiagramOptions.ALL).edges()) {
			assertTrue(svg.edges.containsKey(edge.id()), "the SVG shows edge " + edge.id());
		}
		for (SvgDocument.Edge edge : svg.edges.values()) {
			assertTrue(svg.nodes.containsKey(edge.from()) && svg.nodes.containsKey(edge.to()), edge.id());
		}
		for (Trigger trigger : all(loaded, Trigger.class)) {
			String id = ElementIds.of(trigger);
			String target = trigger.getAction() instanceof FlowAction action ? ElementIds.of(action.getFlow())
					: trigger.getAction() instanceof IntentAction action ? ElementIds.of(action.getIntent())
							: trigger.getAction() instanceof CallAction ? ElementIds.triggerCall(agent(trigger), index(trigger))
									: null;
			assertTrue(svg.edgesFrom(id).stream().anyMatch(edge -> edge.to().equals(target)), id + " leads to " + target);
			if (trigger.getEvent() instanceof VoiceEvent voice) {
				assertTrue(svg.edgesTo(id).stream().anyMatch(edge -> edge.from().equals(ElementIds.of(voice.getIntent()))),
						"the intent of " + id + " leads to it");
			}
		}
		for (Step step : all(loaded, Step.class)) {
			String id = ElementIds.of(step);
			assertFalse(svg.edgesTo(id).isEmpty(), id + " is reached from somewhere");
			List<String> labels = svg.edgesFrom(id).stream().map(SvgDocument.Edge::label).toList();
			if (step instanceof Confirm) {
				assertTrue(labels.containsAll(List.of("yes", "no")), id + " has yes and no: " + labels);
			} else if (step instanceof Branch branch) {
				assertEquals(branch.getCases().size() + 1, labels.size(), id + " has one edge per case: " + labels);
				assertTrue(labels.contains("otherwise"), labels.toString());
			} else if (step instanceof RunFlow run) {
				assertTrue(svg.edgesFrom(id).stream().anyMatch(
						edge -> edge.to().equals(ElementIds.of(run.getFlow())) && edge.classes().contains("runs")),
						id + " runs " + run.getFlow().getName());
			} else if (step instanceof Handoff handoff) {
				assertTrue(svg.edgesFrom(id).stream().anyMatch(edge -> edge.classes().contains("handoff")
						&& edge.to().endsWith(handoff.getAgent().getName())), id + " hands off");
			}
			if (!(step instanceof End) && !(step instanceof Handoff)) {
				assertTrue(svg.edgesFrom(id).stream().anyMatch(edge -> !edge.classes().contains("runs")),
						id + " leads on to a next step or the end of its flow");
			}
		}
	}

	private static String keyword(Step step) {
		String name = step.eClass().getName();
		return switch (name) {
		case "CallStep" -> "call";
		case "RunFlow" -> "run";
		default -> name.toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static String agent(Trigger trigger) {
		return ((Agent) trigger.eContainer()).getName();
	}

	private static int index(Trigger trigger) {
		return ((Agent) trigger.eContainer()).getTriggers().indexOf(trigger);
	}

	static <T> List<T> all(LoadResult loaded, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (CabinFile file : loaded.files()) {
			for (Iterator<EObject> it = file.eAllContents(); it.hasNext();) {
				EObject element = it.next();
				if (type.isInstance(element)) {
					found.add(type.cast(element));
				}
			}
		}
		return found;
	}
}
