package dev.cabin.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.language.TextNormalizer;
import dev.cabin.engine.vehicle.Vehicle;

/**
 * One conversation with an agent, in one car: the dialog state (flows as a stack of frames, the question
 * that waits for its answer), the session's memory (slots and tool results, kept across turns and handed
 * over with the conversation), event fusion, wake-word gating and barge-in. Events are handled one at a time
 * (the methods are synchronized); an engine serves many sessions at once. Nothing an event does can break
 * the session: a failure is reported in the turn's trace and the agent says its fallback.
 * <p>
 * The session routes each event to its collaborators, which are used only under its lock: {@link Listening}
 * (wake word, barge-in), {@link Fusion} (triggers, fused events), {@link TriggerClock} (timers, signals),
 * {@link FlowInterpreter} and {@link Answers} (flows and questions, in the {@link Dialog}), {@link ToolInvoker},
 * {@link Replies} under the {@link PolicyEnforcer}, all sharing the {@link TurnContext}.
 */
public final class Session {

	private static final AtomicInteger IDS = new AtomicInteger();

	private final Clock clock;
	private final String id;
	private final TurnContext context;
	private final Replies replies;
	private final Dialog dialog;
	private final ToolInvoker tools;
	private final Recognizer recognizer;
	private final Fusion fusion;
	private final TriggerClock triggers;
	private final FlowInterpreter flows;
	private final Answers answers;
	private final Listening listening;

	private int turns;

	Session(Engine engine, AgentRuntime agent, Engine.SessionOptions options) {
		this.clock = options.clock != null ? options.clock : Clock.manual();
		this.id = options.id != null ? options.id : "s" + IDS.incrementAndGet();
		this.context = new TurnContext(engine, agent, options.vehicle.get());
		PolicyEnforcer policies = new PolicyEnforcer(context);
		this.replies = new Replies(context, policies);
		this.dialog = new Dialog(context, clock);
		this.tools = new ToolInvoker(context, policies, replies, dialog);
		Generation generation = new Generation(context, tools, replies);
		this.recognizer = new Recognizer(context, generation);
		this.fusion = new Fusion(context, replies, clock, this::act);
		this.triggers = new TriggerClock(context, clock, fusion);
		this.flows = new FlowInterpreter(context, dialog, replies, tools, generation, fusion, triggers);
		this.answers = new Answers(context, dialog, replies, tools, recognizer, this::handleIntent);
		this.listening = new Listening(context, replies, clock, options.requireWakeWord);
		triggers.arm();
	}

	public synchronized String id() {
		return id;
	}

	public synchronized String locale() {
		return context.locale();
	}

	/** Speaks this locale from now on, if the agent does. */
	public synchronized boolean locale(String newLocale) {
		if (!context.ir().locales().contains(newLocale)) {
			return false;
		}
		context.locale(newLocale);
		return true;
	}

	public synchronized String agentId() {
		return context.agentId();
	}

	public synchronized String driverState() {
		return context.driverState();
	}

	/** Sets the driver's state as a starting condition, without firing posture triggers. */
	public synchronized void driverState(String state) {
		context.driverState(state);
	}

	public Vehicle vehicle() {
		return context.vehicle();
	}

	public synchronized long now() {
		return clock.now();
	}

	/** A copy of the session's memory: slot values and tool results. */
	public synchronized Map<String, Object> memory() {
		return new LinkedHashMap<>(context.memory());
	}

	/** Whether a question waits for its answer. */
	public synchronized boolean awaiting() {
		return dialog.awaiting();
	}

	/**
	 * Whether a yes or no waits: to a flow's confirmation, to a tool call's, or to whether the occupant meant an
	 * intent the agent was not sure enough of to act on.
	 */
	public synchronized boolean awaitingYesOrNo() {
		return dialog.awaiting() && !(dialog.question() instanceof Dialog.SlotQuestion);
	}

	/**
	 * Sets a signal as a starting condition: signal triggers whose condition already holds count as fired,
	 * so that only a change from here on fires them.
	 */
	public synchronized void given(String path, Object value) {
		context.vehicle().update(path, value);
		triggers.disarmHolding();
	}

	/** Handles one event and returns what the agent said and did. Never throws for any event. */
	public synchronized TurnResult handle(InputEvent event) {
		long start = System.nanoTime();
		listening.letAgentFinish(event);
		context.begin(new TurnTrace(id, ++turns, agentId(), clock.now(), event));
		try {
			timePassed();
			dispatch(event);
			flows.run();
		} catch (RuntimeException e) {
			context.trace().note("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
			dialog.reset();
			replies.fallback(context.intent());
		}
		TurnContext.Turn done = context.end();
		listening.spoke(done.replies);
		Dialog.Question waiting = dialog.question();
		done.trace.put("intent", done.intent);
		done.trace.put("slots", new LinkedHashMap<>(context.memory()));
		done.trace.put("awaiting", waiting == null ? null : waiting.getClass().getSimpleName());
		done.trace.put("replies", done.replies);
		done.trace.stage("total", System.nanoTime() - start);
		return new TurnResult(done.replies, done.recognition, done.intent, done.flows, done.calls, done.handoff,
				done.fallback, waiting != null, done.trace);
	}

	private void dispatch(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			hear(voice);
		} else if (event instanceof InputEvent.Wake) {
			listening.listen();
			fusion.occur(new Fusion.Occurrence(event, null, null, clock.now()));
		} else if (event instanceof InputEvent.PushToTalk) {
			listening.listen();
		} else if (event instanceof InputEvent.Posture posture) {
			context.driverState(posture.state());
			fusion.occur(new Fusion.Occurrence(event, null, null, clock.now()));
		} else if (event instanceof InputEvent.Touch touch && answers.answerByTouch(touch.control())) {
			context.trace().transition("answered by touch: " + touch.control());
		} else if (event instanceof InputEvent.Signal signal) {
			context.vehicle().update(signal.path(), signal.value());
			triggers.checkSignals();
		} else if (event instanceof InputEvent.Wait wait) {
			clock.advance(wait.ms());
			timePassed();
		} else {
			fusion.occur(new Fusion.Occurrence(event, null, null, clock.now()));
		}
	}

	private void hear(InputEvent.Voice voice) {
		String text = listening.addressed(voice.text(), dialog.awaiting());
		if (text == null) {
			return;
		}
		context.adoptLocaleOf(voice, text);
		context.remember(LlmMessage.user(text));
		String normalized = TextNormalizer.normalize(text);
		if (dialog.awaiting() && answers.answer(normalized, text)) {
			return;
		}
		Acceptance.Verdict verdict = recognizer.recognize(text);
		context.recognized(verdict.recognition());
		switch (verdict.decision()) {
		case ACT -> handleIntent(verdict.recognition());
		case ASK -> askWhetherMeant(verdict.recognition());
		case REJECT -> replies.fallback(null);
		}
	}

	/** Handles a recognized intent: its slot values are remembered, and what it triggers happens. */
	private void handleIntent(Recognition recognition) {
		context.forgetSlotsOf(recognition.intent());
		context.memory().putAll(recognition.slots());
		fusion.heard(recognition.intent());
	}

	/** Not sure enough to act on the intent: asks whether the occupant meant it, and waits for the answer. */
	private void askWhetherMeant(Recognition meant) {
		context.trace().transition("not sure enough to act on " + meant.intent() + "; asks first");
		String question = replies.didYouMean(context.ir().intent(meant.intent()));
		replies.policed("prompt", question, null, null);
		dialog.await(new Dialog.IntentQuestion(meant, question));
	}

	/** What time alone does: actuators move, debounced signals and timers fire, questions and fusions expire. */
	private void timePassed() {
		long now = clock.now();
		triggers.tick(now);
		dialog.expireQuestion(now);
		fusion.expireHeldVoice(now);
	}

	/** What a fired trigger does. */
	private void act(ActionIr action) {
		if (action instanceof ActionIr.StartFlow start) {
			flows.start(start.flow());
		} else if (action instanceof ActionIr.AsIntent asIntent) {
			context.forgetSlotsOf(asIntent.intent());
			fusion.heard(asIntent.intent());
		} else if (action instanceof ActionIr.Call call) {
			tools.call(call.call(), "trigger", false);
		}
	}
}
