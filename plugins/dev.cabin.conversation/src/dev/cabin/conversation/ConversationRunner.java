package dev.cabin.conversation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Evaluator;
import dev.cabin.engine.Reply;
import dev.cabin.engine.Session;
import dev.cabin.engine.ToolCall;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.TestIr;
import dev.cabin.engine.ir.ValueIr;

/**
 * Runs the conversation tests of compiled agents: each test in a fresh session (a simulated car, a manual
 * clock), its steps in order, every expectation checked against the turn of the last input. A failed
 * expectation does not stop the test, so that a run reports everything that differs.
 */
public final class ConversationRunner {

	/** A failed expectation, at its line in the source. */
	public record Failure(String source, int line, String message) {
		@Override
		public String toString() {
			return source + ":" + line + ": " + message;
		}
	}

	/** The outcome of one test, with a transcript of the conversation for the report. */
	public record Result(String agent, String test, String source, int line, List<Failure> failures,
			List<String> transcript, long millis) {
		public Result {
			failures = List.copyOf(failures);
			transcript = List.copyOf(transcript);
		}

		public boolean passed() {
			return failures.isEmpty();
		}
	}

	/** Measures the share of the held-back background of unrelated speech that an agent accepts. */
	@FunctionalInterface
	public interface FalseAcceptMeter {
		double rate(AgentIr agent);
	}

	private final Engine engine;
	private final FalseAcceptMeter meter;

	/** @param meter measures an agent's false accepts for {@code expect false accepts below} */
	public ConversationRunner(Engine engine, FalseAcceptMeter meter) {
		this.engine = engine;
		this.meter = Objects.requireNonNull(meter);
	}

	/** Every test of every agent, in source order. */
	public List<Result> runAll(CabinIr ir) {
		List<Result> results = new ArrayList<>();
		for (AgentIr agent : ir.agents()) {
			for (TestIr test : agent.tests()) {
				results.add(run(agent, test));
			}
		}
		return results;
	}

	public Result run(AgentIr agent, TestIr test) {
		long start = System.nanoTime();
		Session session = engine.openSession(agent.id(), new Engine.SessionOptions().id("test"));
		List<Failure> failures = new ArrayList<>();
		List<String> transcript = new ArrayList<>();
		TurnResult last = null;
		for (TestIr.Step step : test.steps()) {
			if (step instanceof TestIr.Step.GivenSignals given) {
				given.signals().forEach((path, value) -> session.given(path, value.engineValue()));
				transcript.add("given " + given.signals());
			} else if (step instanceof TestIr.Step.GivenDriver driver) {
				session.driverState(driver.state());
				transcript.add("given driver " + driver.state());
			} else if (step instanceof TestIr.Step.GivenLocale locale) {
				if (!session.locale(locale.locale())) {
					failures.add(new Failure(test.source(), step.line(),
							"agent " + agent.id() + " does not speak " + locale.locale()));
				}
			} else if (step instanceof TestIr.Step.Input input) {
				last = session.handle(input.event());
				transcript.add("> " + describe(input.event()));
				for (Reply reply : last.replies()) {
					transcript.add("< " + reply.agent() + " (" + reply.type() + "): " + reply.text());
				}
				for (ToolCall call : last.toolCalls()) {
					transcript.add("  call " + call.tool() + call.args() + " -> " + call.outcome());
				}
			} else if (step instanceof TestIr.Step.ExpectFalseAccepts expected) {
				String problem = falseAccepts(agent, expected);
				if (problem != null) {
					failures.add(new Failure(test.source(), step.line(), problem));
				}
			} else {
				String problem = last == null ? "nothing happened before this expectation" : check(step, last, session);
				if (problem != null) {
					failures.add(new Failure(test.source(), step.line(), problem));
				}
			}
		}
		return new Result(agent.id(), test.name(), test.source(), test.line(), failures, transcript,
				(System.nanoTime() - start) / 1_000_000);
	}

	/** What is wrong with the agent's false accepts, or {@code null}. */
	private String falseAccepts(AgentIr agent, TestIr.Step.ExpectFalseAccepts expected) {
		double rate = meter.rate(agent);
		return rate < expected.below() ? null
				: String.format(Locale.ROOT, "expected false accepts below %s%%, got %.2f%% of the held-back background",
						BigDecimal.valueOf(expected.below() * 100).stripTrailingZeros().toPlainString(), rate * 100);
	}

	/** What is wrong with the turn for this expectation, or {@code null}. */
	private static String check(TestIr.Step step, TurnResult turn, Session session) {
		if (step instanceof TestIr.Step.ExpectIntent expected) {
			return expected.intent().equals(turn.intent()) ? null
					: "expected intent " + expected.intent() + ", got " + turn.intent() + scores(turn);
		}
		if (step instanceof TestIr.Step.ExpectReply expected) {
			for (Reply reply : turn.replies()) {
				if (replyMatches(expected, reply.text())) {
					return null;
				}
			}
			return "expected a reply " + (expected.contains() ? "containing" : "matching") + " \"" + expected.text()
					+ "\", got " + turn.replies().stream().map(r -> "\"" + r.text() + "\"").toList();
		}
		if (step instanceof TestIr.Step.ExpectCall expected) {
			boolean called = turn.toolCalls().stream().anyMatch(call -> call.tool().equals(expected.tool())
					&& call.done() && argumentsMatch(expected.args(), call.args()));
			if (called != expected.none()) {
				return null;
			}
			return (expected.none() ? "expected no call of " : "expected a call of ") + expected.tool()
					+ (expected.args().isEmpty() ? "" : " with " + expected.args().keySet()) + ", got "
					+ turn.toolCalls().stream().map(c -> c.tool() + c.args() + " (" + c.outcome()
							+ (c.reason() == null ? "" : ": " + c.reason()) + ")").toList();
		}
		if (step instanceof TestIr.Step.ExpectFlow expected) {
			return turn.flows().contains(expected.flow()) ? null
					: "expected flow " + expected.flow() + " to start, got " + turn.flows();
		}
		if (step instanceof TestIr.Step.ExpectHandoff expected) {
			return expected.agent().equals(turn.handoff()) ? null
					: "expected a handoff to " + expected.agent() + ", got " + turn.handoff();
		}
		if (step instanceof TestIr.Step.ExpectFallback) {
			return turn.fallback() ? null
					: "expected the fallback, got " + turn.replies().stream().map(Reply::text).toList();
		}
		if (step instanceof TestIr.Step.ExpectConfirm) {
			return session.awaitingYesOrNo() ? null
					: "expected the agent to wait for a yes or no, got " + turn.replies().stream().map(Reply::text).toList();
		}
		if (step instanceof TestIr.Step.ExpectEnd) {
			return !session.awaiting() ? null : "expected the conversation to be over, but the agent waits for an answer";
		}
		return "unknown expectation " + step;
	}

	private static boolean replyMatches(TestIr.Step.ExpectReply expected, String text) {
		if (expected.contains()) {
			return text.toLowerCase().contains(expected.text().toLowerCase());
		}
		try {
			return Pattern.compile(expected.text(), Pattern.DOTALL).matcher(text).find();
		} catch (PatternSyntaxException e) {
			return false;
		}
	}

	private static boolean argumentsMatch(Map<String, ExprIr> expected, Map<String, Object> actual) {
		for (Map.Entry<String, ExprIr> arg : expected.entrySet()) {
			if (!(arg.getValue() instanceof ExprIr.Literal literal)) {
				return false;
			}
			ValueIr value = literal.value();
			if (!Evaluator.compare(actual.get(arg.getKey()), "==", value.engineValue())) {
				return false;
			}
		}
		return true;
	}

	private static String scores(TurnResult turn) {
		return turn.recognition() == null ? "" : " " + turn.recognition().candidates();
	}

	private static String describe(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			return "user: " + voice.text();
		}
		return event.toString();
	}
}
