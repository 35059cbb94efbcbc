package dev.cabin.diagram.edit;

import java.util.List;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.BuiltinValueType;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;

/**
 * The text of a new step. Lines start with one tab per level of nesting, which {@link SourceEdits} turns into
 * the document's own indentation; the part between {@code «} and {@code »} is selected after the insertion
 * so that the author can type over it.
 */
public record StepTemplate(String label, List<String> lines) {

	public StepTemplate {
		lines = List.copyOf(lines);
	}

	public static StepTemplate say() {
		return new StepTemplate("say", List.of("say \"«What should the agent say?»\""));
	}

	public static StepTemplate generate() {
		return new StepTemplate("generate", List.of("generate \"«Answer briefly, in the persona.»\""));
	}

	public static StepTemplate confirm() {
		return new StepTemplate("confirm", List.of("confirm \"«Shall I go ahead?»\"", "\tyes {", "\t\tsay \"Done.\"",
				"\t}", "\tno {", "\t\tsay \"Okay, I won't.\"", "\t}"));
	}

	public static StepTemplate branch() {
		return new StepTemplate("branch", List.of("branch {", "\twhen «true» {", "\t\tsay \"…\"", "\t}", "\totherwise {",
				"\t\tsay \"…\"", "\t}", "}"));
	}

	/** One more case of a branch, placed among the others. */
	static StepTemplate branchCase() {
		return new StepTemplate("case", List.of("when «true» {", "\tsay \"…\"", "}"));
	}

	public static StepTemplate end() {
		return new StepTemplate("end", List.of("«end»"));
	}

	public static StepTemplate ask(Slot slot) {
		return new StepTemplate("ask " + slotName(slot), List.of("«ask " + slotName(slot) + "»"));
	}

	/** A call with every required parameter given a neutral value of its type. */
	public static StepTemplate call(Tool tool) {
		StringBuilder arguments = new StringBuilder();
		for (ToolParam param : tool.getParams()) {
			if (param.isOptional() || param.getDefaultValue() != null) {
				continue;
			}
			if (arguments.length() > 0) {
				arguments.append(", ");
			}
			arguments.append(param.getName()).append(": ").append(neutralValue(param));
		}
		return new StepTemplate("call " + tool.getName(), List.of("«call " + tool.getName() + "(" + arguments + ")»"));
	}

	public static StepTemplate run(Flow flow) {
		return new StepTemplate("run " + flow.getName(), List.of("«run " + flow.getName() + "»"));
	}

	public static StepTemplate handoff(Agent agent) {
		return new StepTemplate("handoff to " + agent.getName(), List.of("«handoff to " + agent.getName() + "»"));
	}

	private static String slotName(Slot slot) {
		return slot.eContainer() instanceof Intent intent ? intent.getName() + "." + slot.getName() : slot.getName();
	}

	private static String neutralValue(ToolParam param) {
		if (param.getType() instanceof BuiltinValueType builtin && builtin.getBuiltin() != null) {
			return switch (builtin.getBuiltin()) {
			case NUMBER, PERCENTAGE -> "0";
			case BOOLEAN -> "false";
			default -> "\"\"";
			};
		}
		return "\"\"";
	}
}
