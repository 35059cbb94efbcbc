package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a flow. Texts are templates per locale: {@code {slot}}, {@code {result}}, {@code {result.field}}
 * and {@code {Vehicle.Path}} are filled in when the step runs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = StepIr.Say.class, name = "say"),
		@JsonSubTypes.Type(value = StepIr.Ask.class, name = "ask"),
		@JsonSubTypes.Type(value = StepIr.Confirm.class, name = "confirm"),
		@JsonSubTypes.Type(value = StepIr.Branch.class, name = "branch"),
		@JsonSubTypes.Type(value = StepIr.Call.class, name = "call"),
		@JsonSubTypes.Type(value = StepIr.Generate.class, name = "generate"),
		@JsonSubTypes.Type(value = StepIr.Handoff.class, name = "handoff"),
		@JsonSubTypes.Type(value = StepIr.Run.class, name = "run"),
		@JsonSubTypes.Type(value = StepIr.End.class, name = "end") })
public sealed interface StepIr {

	/**
	 * Says a text; {@code screen} is shown on the display (may be empty). When a placeholder of the text has no
	 * value, says {@code otherwise} instead (may be empty: then the engine's phrase for the missing value).
	 */
	record Say(Map<String, String> text, Map<String, String> otherwise, Map<String, String> screen) implements StepIr {
		@JsonCreator
		public Say {
			text = Ir.ordered(text);
			otherwise = Ir.ordered(otherwise);
			screen = Ir.ordered(screen);
		}

		/** A text without an authored alternative. */
		public Say(Map<String, String> text, Map<String, String> screen) {
			this(text, Map.of(), screen);
		}
	}

	/**
	 * Fills a slot of an intent unless it has a value: says the prompt (this step's, else the slot's) and
	 * waits for the answer.
	 */
	record Ask(String intent, String slot, Map<String, String> prompt) implements StepIr {
		public Ask {
			prompt = Ir.ordered(prompt);
		}
	}

	/** Asks a yes/no question and goes on with one of two blocks. */
	record Confirm(Map<String, String> text, List<StepIr> yes, List<StepIr> no) implements StepIr {
		public Confirm {
			text = Ir.ordered(text);
			yes = Ir.list(yes);
			no = Ir.list(no);
		}
	}

	/** Runs the block of the first case whose condition holds, else {@code otherwise}. */
	record Branch(List<Case> cases, List<StepIr> otherwise) implements StepIr {
		public Branch {
			cases = List.copyOf(cases);
			otherwise = Ir.list(otherwise);
		}
	}

	record Case(ExprIr condition, List<StepIr> steps) {
		public Case {
			steps = List.copyOf(steps);
		}
	}

	record Call(CallIr call) implements StepIr {
	}

	/** Lets the LLM answer within the persona; says the fallback without an LLM or when it fails. */
	record Generate(Map<String, String> instructions, Map<String, String> fallback, Integer maxWords)
			implements StepIr {
		public Generate {
			instructions = Ir.ordered(instructions);
			fallback = Ir.ordered(fallback);
		}
	}

	/** Hands the conversation to another agent, with the context; optionally as if it heard an intent. */
	record Handoff(String agent, String intent) implements StepIr {
	}

	/** Runs another flow of the agent and continues here when it ends. */
	record Run(String flow) implements StepIr {
	}

	/** Ends the flow. */
	record End() implements StepIr {
	}
}
