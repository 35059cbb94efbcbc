package dev.cabin.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.nlu.Recognition;

/**
 * Where the conversation stands: the flows being run, as a stack of frames, and the question that waits for
 * its answer (a slot, a yes or no, the confirmation of a tool call).
 */
final class Dialog {

	/** How long a question waits for its answer when the agent sets no timeout. */
	static final long DEFAULT_TIMEOUT_MS = 30_000;

	/** A flow (or a block of one) being run, and where. */
	static final class Frame {
		final String flow;
		final List<StepIr> steps;
		final boolean root;
		final boolean confirmed;
		/** Where the block's steps are in their flow ({@code StepPath}): "" for the flow itself, "2.yes" in a confirmation. */
		final String pathPrefix;
		int next;

		Frame(String flow, List<StepIr> steps, boolean root, boolean confirmed, String pathPrefix) {
			this.flow = flow;
			this.steps = steps;
			this.root = root;
			this.confirmed = confirmed;
			this.pathPrefix = pathPrefix;
		}
	}

	/** A question that waits for its answer; its simple name is what a trace says the session awaits. */
	sealed interface Question {
	}

	record SlotQuestion(String intent, SlotIr slot, String prompt) implements Question {
	}

	record YesNoQuestion(List<StepIr> yes, List<StepIr> no, boolean confirmed, String question, String path)
			implements Question {
	}

	/** Whether the occupant meant the intent the agent was not sure enough of to act on. */
	record IntentQuestion(Recognition meant, String question) implements Question {
	}

	record CallQuestion(ToolIr tool, Map<String, Object> args, String origin, String resultName,
			String question) implements Question {
	}

	private final TurnContext context;
	private final Clock clock;
	private final Deque<Frame> stack = new ArrayDeque<>();
	private Question waiting;
	private long waitingSince;
	private int reprompts;

	Dialog(TurnContext context, Clock clock) {
		this.context = context;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ flows

	void push(Frame frame) {
		stack.push(frame);
	}

	/** The frame being run, or {@code null}. */
	Frame top() {
		return stack.peek();
	}

	Frame pop() {
		return stack.pop();
	}

	boolean runsFlows() {
		return !stack.isEmpty();
	}

	void endFlows() {
		stack.clear();
	}

	/** A call that could not run ends the flows, which relied on it. */
	void endFlowsAfter(ToolCall call) {
		if (!stack.isEmpty()) {
			context.trace().transition("the flow ends: " + call.tool() + " was " + call.outcome());
			stack.clear();
		}
	}

	/** The flow being run, or {@code null}. */
	String currentFlow() {
		return stack.isEmpty() ? null : stack.peek().flow;
	}

	// ------------------------------------------------------------------ questions

	void await(Question question) {
		waiting = question;
		waitingSince = clock.now();
		reprompts = 0;
		context.trace().transition("waiting for " + (question instanceof SlotQuestion slot ? "slot " + slot.slot().name()
				: "yes or no"));
	}

	/** The question that waits for its answer, or {@code null}. */
	Question question() {
		return waiting;
	}

	boolean awaiting() {
		return waiting != null;
	}

	void stopWaiting() {
		waiting = null;
	}

	/** Counts a re-asking of the question; returns how often it was re-asked. */
	int reasked() {
		return ++reprompts;
	}

	/** No more flows, no more question. */
	void reset() {
		stack.clear();
		waiting = null;
	}

	/** A question that waited longer than the agent's timeout ends the flows. */
	void expireQuestion(long now) {
		Long timeoutMs = context.ir().defaults().timeoutMs();
		long timeout = timeoutMs != null ? timeoutMs : DEFAULT_TIMEOUT_MS;
		if (waiting != null && now - waitingSince > timeout) {
			context.trace().transition("timeout: no answer within " + timeout + " ms; the flow ends");
			reset();
		}
	}
}
