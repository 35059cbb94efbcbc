package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.cabin.engine.event.InputEvent;

/**
 * A conversation test: a fresh session, then its steps in order; an expectation is checked against the
 * last input's turn.
 *
 * @param source the file the test was written in
 * @param line its line there
 */
public record TestIr(String name, String source, int line, List<Step> steps) {

	public TestIr {
		steps = List.copyOf(steps);
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Step.GivenSignals.class, name = "given-signals"),
			@JsonSubTypes.Type(value = Step.GivenDriver.class, name = "given-driver"),
			@JsonSubTypes.Type(value = Step.GivenLocale.class, name = "given-locale"),
			@JsonSubTypes.Type(value = Step.Input.class, name = "input"),
			@JsonSubTypes.Type(value = Step.ExpectIntent.class, name = "expect-intent"),
			@JsonSubTypes.Type(value = Step.ExpectReply.class, name = "expect-reply"),
			@JsonSubTypes.Type(value = Step.ExpectCall.class, name = "expect-call"),
			@JsonSubTypes.Type(value = Step.ExpectFlow.class, name = "expect-flow"),
			@JsonSubTypes.Type(value = Step.ExpectHandoff.class, name = "expect-handoff"),
			@JsonSubTypes.Type(value = Step.ExpectFallback.class, name = "expect-fallback"),
			@JsonSubTypes.Type(value = Step.ExpectConfirm.class, name = "expect-confirm"),
			@JsonSubTypes.Type(value = Step.ExpectEnd.class, name = "expect-end"),
			@JsonSubTypes.Type(value = Step.ExpectFalseAccepts.class, name = "expect-false-accepts") })
	public sealed interface Step {

		/** The step's line in the source, for failure messages. */
		int line();

		record GivenSignals(Map<String, ValueIr> signals, int line) implements Step {
			public GivenSignals {
				signals = Ir.ordered(signals);
			}
		}

		record GivenDriver(String state, int line) implements Step {
		}

		record GivenLocale(String locale, int line) implements Step {
		}

		/** Something the occupant or the car does. */
		record Input(InputEvent event, int line) implements Step {
		}

		record ExpectIntent(String intent, int line) implements Step {
		}

		/** A reply that contains the text, or that matches it as a regular expression. */
		record ExpectReply(boolean contains, String text, int line) implements Step {
		}

		/** A call of the tool (or none, with {@code none}); the given arguments must match. */
		record ExpectCall(String tool, Map<String, ExprIr> args, boolean none, int line) implements Step {
			public ExpectCall {
				args = Ir.ordered(args);
			}
		}

		record ExpectFlow(String flow, int line) implements Step {
		}

		record ExpectHandoff(String agent, int line) implements Step {
		}

		record ExpectFallback(int line) implements Step {
		}

		/** The agent waits for a yes or no: a flow's confirmation, a tool call's, or whether it understood. */
		record ExpectConfirm(int line) implements Step {
		}

		/** The conversation is over: no flow waits for an answer. */
		record ExpectEnd(int line) implements Step {
		}

		/**
		 * The agent takes less than this share (0 to 1) of the held-back background of unrelated speech for one of
		 * its intents; checked for the agent as a whole, whatever was said before.
		 */
		record ExpectFalseAccepts(double below, int line) implements Step {
		}
	}
}
