package dev.cabin.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CallIr;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.engine.nlu.SlotValues;
import dev.cabin.engine.vehicle.Vehicle;
import dev.cabin.language.StepPath;
import dev.cabin.language.TextNormalizer;
import dev.cabin.language.Words;

/**
 * One conversation with an agent, in one car: the dialog state (flows as a stack of frames, the question
 * that waits for its answer), the session's memory (slots and tool results, kept across turns and handed
 * over with the conversation), event fusion, wake-word gating and barge-in. Events are handled one at a time
 * (the methods are synchronized); an engine serves many sessions at once. Nothing an event does can break
 * the session: a failure is reported in the turn's trace and the agent says its fallback.
 */
public final class Session {

	/** How long the agent listens after the wake word or push-to-talk. */
	static final long LISTEN_MS = 8_000;
	/** How long a question waits for its answer when the agent sets no timeout. */
	static final long DEFAULT_TIMEOUT_MS = 30_000;
	/** How long spoken words take, to know when the agent is still speaking (for barge-in). */
	static final long MS_PER_WORD = 400;
	/** Re-asking a question more often than this gives up. */
	static final int MAX_REPROMPTS = 2;
	/** Steps one event may run; more means a flow runs itself in a loop. */
	static final int MAX_STEPS_PER_TURN = 500;
	/** Fusion remembers this many recent events. */
	static final int RECENT_EVENTS = 32;

	private static final AtomicInteger IDS = new AtomicInteger();

	private final Engine engine;
	private final Vehicle vehicle;
	private final Clock clock;
	private final boolean requireWakeWord;
	private final String id;
	private final Map<String, Object> memory = new LinkedHashMap<>();
	private final Deque<Frame> stack = new ArrayDeque<>();
	private final Deque<Occurrence> recent = new ArrayDeque<>();
	private final Map<EventIr.Signal, SignalState> signals = new HashMap<>();
	private final Map<EventIr.Timer, Long> timers = new HashMap<>();
	private final List<LlmMessage> history = new ArrayList<>();
	private final Evaluator evaluator;
	private final Generation generation;

	private AgentRuntime agent;
	private String locale;
	private String driverState;
	private Waiting waiting;
	private long waitingSince;
	private int reprompts;
	private Occurrence heldVoice;
	private long listeningUntil = Long.MIN_VALUE;
	private long speakingUntil;
	private int turns;
	private Turn turn;

	/** A flow (or a block of one) being run, and where. */
	private static final class Frame {
		final String flow;
		final List<StepIr> steps;
		final boolean root;
		final boolean confirmed;
		/** Where the block's steps are in their flow: "" for the flow itself, "2.yes." inside a confirmation. */
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

	/** A question that waits for its answer. */
	private sealed interface Waiting {
	}

	private record SlotQuestion(String intent, SlotIr slot, String prompt) implements Waiting {
	}

	private record YesNoQuestion(List<StepIr> yes, List<StepIr> no, boolean confirmed, String question, String path)
			implements Waiting {
	}

	private record CallQuestion(ToolIr tool, Map<String, Object> args, String origin, String resultName,
			String question) implements Waiting {
	}

	/** Something that happened, as fused triggers match it. */
	private record Occurrence(InputEvent event, String intent, EventIr pattern, long at) {
	}

	private static final class SignalState {
		boolean armed = true;
		long trueSince = -1;
	}

	/** What one event produced. */
	static final class Turn {
		final TurnTrace trace;
		final List<Reply> replies = new ArrayList<>();
		final List<ToolCall> calls = new ArrayList<>();
		final List<String> flows = new ArrayList<>();
		Recognition recognition;
		String intent;
		String handoff;
		boolean fallback;
		int steps;

		Turn(TurnTrace trace) {
			this.trace = trace;
		}
	}

	Session(Engine engine, AgentRuntime agent, Engine.SessionOptions options) {
		this.engine = engine;
		this.agent = agent;
		this.vehicle = options.vehicle.get();
		this.clock = options.clock != null ? options.clock : Clock.manual();
		this.requireWakeWord = options.requireWakeWord;
		this.id = options.id != null ? options.id : "s" + IDS.incrementAndGet();
		this.locale = agent.ir().defaultLocale();
		this.evaluator = new Evaluator(new Evaluator.Context() {
			@Override
			public Map<String, Object> memory() {
				return memory;
			}

			@Override
			public Vehicle vehicle() {
				return vehicle;
			}

			@Override
			public String driverState() {
				return driverState;
			}

			@Override
			public Iterable<EntityIr> entities() {
				return Session.this.agent.ir().entities();
			}
		});
		this.generation = new Generation(this);
		armTriggers();
	}

	public synchronized String id() {
		return id;
	}

	public synchronized String locale() {
		return locale;
	}

	/** Speaks this locale from now on, if the agent does. */
	public synchronized boolean locale(String newLocale) {
		if (!agent.ir().locales().contains(newLocale)) {
			return false;
		}
		locale = newLocale;
		return true;
	}

	public synchronized String agentId() {
		return agent.ir().id();
	}

	public synchronized String driverState() {
		return driverState;
	}

	/** Sets the driver's state as a starting condition, without firing posture triggers. */
	public synchronized void driverState(String state) {
		driverState = state;
	}

	public Vehicle vehicle() {
		return vehicle;
	}

	public synchronized long now() {
		return clock.now();
	}

	/** A copy of the session's memory: slot values and tool results. */
	public synchronized Map<String, Object> memory() {
		return new LinkedHashMap<>(memory);
	}

	/** Whether a question waits for its answer. */
	public synchronized boolean awaiting() {
		return waiting != null;
	}

	/**
	 * Sets a signal as a starting condition: signal triggers whose condition already holds count as fired,
	 * so that only a change from here on fires them.
	 */
	public synchronized void given(String path, Object value) {
		vehicle.update(path, value);
		for (Map.Entry<EventIr.Signal, SignalState> entry : signals.entrySet()) {
			if (evaluator.test(entry.getKey().condition())) {
				entry.getValue().armed = false;
			}
		}
	}

	/** Handles one event and returns what the agent said and did. Never throws for any event. */
	public synchronized TurnResult handle(InputEvent event) {
		long start = System.nanoTime();
		if (clock.isManual() && !(event instanceof InputEvent.Wake || event instanceof InputEvent.PushToTalk
				|| event instanceof InputEvent.Wait) && clock.now() < speakingUntil) {
			// in a simulation the occupant waits for the agent to finish speaking, unless they barge in
			clock.advance(speakingUntil - clock.now());
		}
		turn = new Turn(new TurnTrace(id, ++turns, agentId(), clock.now(), event));
		try {
			timePassed();
			dispatch(event);
			runSteps();
		} catch (RuntimeException e) {
			turn.trace.note("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
			stack.clear();
			waiting = null;
			fallback(turn.intent);
		}
		Turn done = turn;
		turn = null;
		double words = done.replies.stream().mapToDouble(r -> Words.count(r.text())).sum();
		speakingUntil = Math.max(speakingUntil, clock.now()) + Math.round(words * MS_PER_WORD);
		done.trace.put("intent", done.intent);
		done.trace.put("slots", new LinkedHashMap<>(memory));
		done.trace.put("awaiting", waiting == null ? null : waiting.getClass().getSimpleName());
		done.trace.put("replies", done.replies);
		done.trace.stage("total", System.nanoTime() - start);
		return new TurnResult(done.replies, done.recognition, done.intent, done.flows, done.calls, done.handoff,
				done.fallback, waiting != null, done.trace);
	}

	// ------------------------------------------------------------------ events

	private void dispatch(InputEvent event) {
		if (event instanceof InputEvent.Voice voice) {
			hear(voice);
		} else if (event instanceof InputEvent.Wake) {
			bargeIn();
			listeningUntil = clock.now() + LISTEN_MS;
			occur(new Occurrence(event, null, null, clock.now()));
		} else if (event instanceof InputEvent.PushToTalk) {
			bargeIn();
			listeningUntil = clock.now() + LISTEN_MS;
		} else if (event instanceof InputEvent.Posture posture) {
			driverState = posture.state();
			occur(new Occurrence(event, null, null, clock.now()));
		} else if (event instanceof InputEvent.Touch touch && answerByTouch(touch.control())) {
			turn.trace.transition("answered by touch: " + touch.control());
		} else if (event instanceof InputEvent.Signal signal) {
			vehicle.update(signal.path(), signal.value());
			checkSignals();
		} else if (event instanceof InputEvent.Wait wait) {
			clock.advance(wait.ms());
			timePassed();
		} else {
			occur(new Occurrence(event, null, null, clock.now()));
		}
	}

	private void bargeIn() {
		if (clock.now() < speakingUntil) {
			speakingUntil = clock.now();
			turn.trace.transition("barge-in: speech cancelled");
			turn.replies.add(reply("stop", "", null, null));
		}
	}

	private void hear(InputEvent.Voice voice) {
		String text = voice.text();
		if (requireWakeWord && waiting == null && clock.now() > listeningUntil) {
			String rest = afterWakeWord(text);
			if (rest == null) {
				turn.trace.note("not addressed: no wake word, not listening");
				return;
			}
			text = rest;
		}
		listeningUntil = Long.MIN_VALUE;
		locale = localeFor(voice, text);
		remember(LlmMessage.user(text));
		String normalized = TextNormalizer.normalize(text);
		if (waiting != null && answer(normalized, text)) {
			return;
		}
		Recognition recognition = recognize(text);
		turn.recognition = recognition;
		if (!recognition.inScope()) {
			fallback(null);
			return;
		}
		IntentIr intent = agent.ir().intent(recognition.intent());
		if (intent != null) {
			intent.slots().forEach(slot -> memory.remove(slot.name()));
		}
		memory.putAll(recognition.slots());
		heard(recognition.intent());
	}

	/** The utterance after a wake word it starts with, or {@code null}. */
	private String afterWakeWord(String text) {
		String normalized = TextNormalizer.normalize(text);
		for (String wakeWord : agent.ir().wakeWords()) {
			String word = TextNormalizer.normalize(wakeWord);
			if (!word.isEmpty() && normalized.startsWith(word)) {
				return normalized.substring(word.length()).strip();
			}
		}
		return null;
	}

	private Recognition recognize(String text) {
		long start = System.nanoTime();
		Recognition recognition = agent.nlu().recognize(text);
		turn.trace.stage("nlu", System.nanoTime() - start);
		if (recognition.ambiguous() && engine.model() != null) {
			recognition = generation.resolve(recognition, text);
		}
		Map<String, Object> nlu = new LinkedHashMap<>();
		nlu.put("normalized", recognition.normalized());
		nlu.put("language", recognition.language().code());
		nlu.put("method", recognition.method());
		nlu.put("intent", recognition.intent());
		nlu.put("score", recognition.score());
		nlu.put("threshold", agent.nlu().classifier().threshold(recognition.language()));
		nlu.put("ambiguous", recognition.ambiguous());
		nlu.put("candidates", recognition.candidates());
		nlu.put("slots", recognition.slots());
		turn.trace.put("nlu", nlu);
		return recognition;
	}

	/** An intent was heard (or meant by another modality): fire its triggers, or hold it for a fused one. */
	private void heard(String intent) {
		turn.intent = intent;
		Occurrence occurrence = new Occurrence(null, intent, null, clock.now());
		if (occur(occurrence)) {
			return;
		}
		for (TriggerIr trigger : agent.ir().triggers()) {
			if (trigger.fused() && (matches(trigger.event(), occurrence) || matches(trigger.partner(), occurrence))) {
				heldVoice = occurrence;
				turn.trace.transition("holding " + intent + " for " + trigger.windowMs() + " ms to fuse it");
				return;
			}
		}
		fallback(intent);
	}

	/**
	 * Fires the triggers this occurrence completes; whether any fired. A fused trigger that the occurrence
	 * completes wins over the triggers of the occurrence alone.
	 */
	private boolean occur(Occurrence occurrence) {
		for (TriggerIr trigger : agent.ir().triggers()) {
			if (!trigger.fused()) {
				continue;
			}
			EventIr other = matches(trigger.event(), occurrence) ? trigger.partner()
					: matches(trigger.partner(), occurrence) ? trigger.event() : null;
			Occurrence partner = other == null ? null : recentMatch(other, occurrence.at() - trigger.windowMs());
			if (partner != null && guardHolds(trigger)) {
				recent.remove(partner);
				if (partner == heldVoice) {
					heldVoice = null;
				}
				if (partner.intent() != null) {
					turn.intent = partner.intent();
				}
				turn.trace.transition("fused " + describe(trigger.event()) + " with " + describe(trigger.partner())
						+ " (" + (occurrence.at() - partner.at()) + " ms apart)");
				fire(trigger);
				return true;
			}
		}
		boolean fired = false;
		for (TriggerIr trigger : agent.ir().triggers()) {
			if (!trigger.fused() && matches(trigger.event(), occurrence) && guardHolds(trigger)) {
				turn.trace.transition("trigger " + describe(trigger.event()) + " fired");
				fire(trigger);
				fired = true;
			}
		}
		if (!fired) {
			recent.addFirst(occurrence);
			while (recent.size() > RECENT_EVENTS) {
				recent.removeLast();
			}
		}
		return fired;
	}

	private Occurrence recentMatch(EventIr pattern, long notBefore) {
		for (Occurrence occurrence : recent) {
			if (occurrence.at() >= notBefore && matches(pattern, occurrence)) {
				return occurrence;
			}
		}
		return null;
	}

	private static boolean matches(EventIr pattern, Occurrence occurrence) {
		InputEvent event = occurrence.event();
		if (pattern instanceof EventIr.Voice voice) {
			return voice.intent().equals(occurrence.intent());
		}
		if (pattern instanceof EventIr.Wake) {
			return event instanceof InputEvent.Wake;
		}
		if (pattern instanceof EventIr.Gaze gaze) {
			return event instanceof InputEvent.Gaze looked
					&& (looked.zone().equals(gaze.zone()) || looked.zone().startsWith(gaze.zone() + "."))
					&& looked.dwellMs() >= gaze.dwellMs();
		}
		if (pattern instanceof EventIr.Gesture gesture) {
			return event instanceof InputEvent.Gesture made && made.gesture().equalsIgnoreCase(gesture.gesture());
		}
		if (pattern instanceof EventIr.Posture posture) {
			return event instanceof InputEvent.Posture state && state.state().equalsIgnoreCase(posture.state());
		}
		if (pattern instanceof EventIr.Touch touch) {
			return event instanceof InputEvent.Touch touched && touched.control().equals(touch.control());
		}
		return pattern.equals(occurrence.pattern());
	}

	private boolean guardHolds(TriggerIr trigger) {
		if (trigger.guard() == null || evaluator.test(trigger.guard())) {
			return true;
		}
		turn.trace.transition("trigger " + describe(trigger.event()) + " not fired: its guard is false");
		return false;
	}

	private static String describe(EventIr event) {
		String text = event.toString();
		return text.substring(0, Math.min(text.length(), 120));
	}

	private void fire(TriggerIr trigger) {
		List<TriggerIr> triggers = agent.ir().triggers();
		for (int index = 0; index < triggers.size(); index++) {
			if (triggers.get(index) == trigger) { // by identity: two triggers may be written alike
				turn.trace.triggerFired(agentId(), index);
			}
		}
		act(trigger.action());
	}

	private void act(ActionIr action) {
		if (action instanceof ActionIr.StartFlow start) {
			startFlow(start.flow());
		} else if (action instanceof ActionIr.AsIntent asIntent) {
			IntentIr intent = agent.ir().intent(asIntent.intent());
			if (intent != null) {
				intent.slots().forEach(slot -> memory.remove(slot.name()));
			}
			heard(asIntent.intent());
		} else if (action instanceof ActionIr.Call call) {
			call(call.call(), "trigger", false);
		}
	}

	private void startFlow(String name) {
		FlowIr flow = agent.ir().flow(name);
		if (flow == null) {
			turn.trace.note("no flow " + name + " in agent " + agentId());
			fallback(turn.intent);
			return;
		}
		stack.clear();
		waiting = null;
		stack.push(new Frame(flow.name(), flow.steps(), true, false, StepPath.FLOW));
		turn.flows.add(flow.name());
		turn.trace.transition("start flow " + flow.name());
	}

	// ------------------------------------------------------------------ time

	private void armTriggers() {
		signals.clear();
		timers.clear();
		for (TriggerIr trigger : agent.ir().triggers()) {
			for (EventIr event : new EventIr[] { trigger.event(), trigger.partner() }) {
				if (event instanceof EventIr.Signal signal) {
					signals.putIfAbsent(signal, new SignalState());
				} else if (event instanceof EventIr.Timer timer && timer.periodMs() > 0) {
					timers.putIfAbsent(timer, clock.now() + timer.periodMs());
				}
			}
		}
	}

	/** What time alone does: actuators move, debounced signals and timers fire, questions and fusions expire. */
	private void timePassed() {
		long now = clock.now();
		vehicle.advanceTo(now);
		checkSignals();
		for (Map.Entry<EventIr.Timer, Long> timer : timers.entrySet()) {
			if (timer.getValue() <= now) {
				timer.setValue(timer.getKey().repeating() ? timer.getValue() + timer.getKey().periodMs() : Long.MAX_VALUE);
				occur(new Occurrence(null, null, timer.getKey(), now));
			}
		}
		long timeout = agent.ir().defaults().timeoutMs() != null ? agent.ir().defaults().timeoutMs() : DEFAULT_TIMEOUT_MS;
		if (waiting != null && now - waitingSince > timeout) {
			turn.trace.transition("timeout: no answer within " + timeout + " ms; the flow ends");
			waiting = null;
			stack.clear();
		}
		if (heldVoice != null && now - heldVoice.at() > longestFusionWindow()) {
			turn.trace.transition("no partner for " + heldVoice.intent() + " in time");
			recent.remove(heldVoice);
			String intent = heldVoice.intent();
			heldVoice = null;
			fallback(intent);
		}
	}

	private long longestFusionWindow() {
		return agent.ir().triggers().stream().filter(TriggerIr::fused).mapToLong(TriggerIr::windowMs).max().orElse(0);
	}

	private void checkSignals() {
		long now = clock.now();
		for (Map.Entry<EventIr.Signal, SignalState> entry : signals.entrySet()) {
			EventIr.Signal signal = entry.getKey();
			SignalState state = entry.getValue();
			if (evaluator.test(signal.condition())) {
				if (!state.armed) {
					continue;
				}
				if (state.trueSince < 0) {
					state.trueSince = now;
				}
				if (now - state.trueSince >= signal.debounceMs()) {
					state.armed = false;
					state.trueSince = -1;
					turn.trace.transition("signal condition held for " + signal.debounceMs() + " ms");
					occur(new Occurrence(null, null, signal, now));
				}
			} else {
				state.trueSince = -1;
				if (!state.armed && backPastHysteresis(signal)) {
					state.armed = true;
				}
			}
		}
	}

	/** Whether the signal came back past the threshold by the hysteresis, so the trigger may fire again. */
	private boolean backPastHysteresis(EventIr.Signal signal) {
		ExprIr.Compare condition = signal.condition();
		Object value = evaluator.value(condition.left());
		Object threshold = evaluator.value(condition.right());
		if (signal.hysteresis() == 0 || !(value instanceof Number v) || !(threshold instanceof Number t)) {
			return true;
		}
		return switch (condition.op()) {
		case ">", ">=" -> v.doubleValue() <= t.doubleValue() - signal.hysteresis();
		case "<", "<=" -> v.doubleValue() >= t.doubleValue() + signal.hysteresis();
		default -> true;
		};
	}

	// ------------------------------------------------------------------ answers

	/** Takes an utterance as the answer to the waiting question; {@code false} when it is a new request. */
	private boolean answer(String normalized, String text) {
		if (waiting instanceof SlotQuestion question) {
			Object value = agent.nlu().values().answer(text, normalized, question.slot().type());
			if (value != null) {
				memory.put(question.slot().name(), value);
				turn.trace.transition("slot " + question.slot().name() + " = " + value);
				turn.intent = question.intent();
				waiting = null;
				return true;
			}
			return reaskUnlessNewRequest(text, question.prompt());
		}
		Boolean yes = SlotValues.yesOrNo(normalized);
		if (yes == null) {
			return reaskUnlessNewRequest(text, waiting instanceof YesNoQuestion q ? q.question()
					: ((CallQuestion) waiting).question());
		}
		answerYesNo(yes);
		return true;
	}

	private boolean answerByTouch(String control) {
		Boolean yes = SlotValues.yesOrNo(TextNormalizer.normalize(control));
		if (yes == null || !(waiting instanceof YesNoQuestion || waiting instanceof CallQuestion)) {
			return false;
		}
		answerYesNo(yes);
		return true;
	}

	private void answerYesNo(boolean yes) {
		Waiting question = waiting;
		waiting = null;
		turn.trace.transition("answer: " + (yes ? "yes" : "no"));
		if (question instanceof YesNoQuestion yesNo) {
			String flow = stack.isEmpty() ? null : stack.peek().flow;
			stack.push(new Frame(flow, yes ? yesNo.yes() : yesNo.no(), false, yes || yesNo.confirmed(),
					StepPath.block(yesNo.path(), yes ? StepPath.YES : StepPath.NO)));
		} else if (question instanceof CallQuestion call) {
			if (yes) {
				run(call.tool(), call.args(), call.origin(), call.resultName());
			} else {
				ToolCall declined = record(new ToolCall(call.tool().name(), call.args(), call.origin(), "declined", null,
						"the occupant said no"));
				if (!call.origin().equals("llm")) {
					endFlowsAfter(declined);
				}
			}
		}
	}

	private boolean reaskUnlessNewRequest(String text, String question) {
		Recognition recognition = recognize(text);
		if (recognition.inScope() && hasTrigger(recognition.intent())) {
			turn.trace.transition("new request " + recognition.intent() + " instead of an answer; the flow ends");
			waiting = null;
			stack.clear();
			return false;
		}
		if (++reprompts > MAX_REPROMPTS) {
			turn.trace.transition("no answer after " + MAX_REPROMPTS + " tries; the flow ends");
			waiting = null;
			stack.clear();
			fallback(null);
			return true;
		}
		turn.replies.add(reply("prompt", question, null, currentFlow()));
		return true;
	}

	private boolean hasTrigger(String intent) {
		for (TriggerIr trigger : agent.ir().triggers()) {
			if (trigger.event() instanceof EventIr.Voice voice && voice.intent().equals(intent)
					|| trigger.partner() instanceof EventIr.Voice partner && partner.intent().equals(intent)) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ flows

	private void runSteps() {
		while (!stack.isEmpty() && waiting == null) {
			if (++turn.steps > MAX_STEPS_PER_TURN) {
				turn.trace.note("more than " + MAX_STEPS_PER_TURN + " steps in one turn: a flow loops; it was stopped");
				stack.clear();
				fallback(turn.intent);
				return;
			}
			Frame frame = stack.peek();
			if (frame.next >= frame.steps.size()) {
				stack.pop();
				if (frame.root) {
					turn.trace.transition("flow " + frame.flow + " ended");
				}
				continue;
			}
			String path = StepPath.step(frame.pathPrefix, frame.next);
			turn.trace.stepRun(agentId(), frame.flow, path);
			execute(frame.steps.get(frame.next++), frame, path);
		}
	}

	private void execute(StepIr step, Frame frame, String path) {
		if (step instanceof StepIr.Say say) {
			say(say.text(), say.screen(), frame.flow);
		} else if (step instanceof StepIr.Ask ask) {
			ask(ask, frame.flow);
		} else if (step instanceof StepIr.Confirm confirm) {
			String question = render(confirm.text());
			turn.replies.add(policed("prompt", question, null, frame.flow));
			await(new YesNoQuestion(confirm.yes(), confirm.no(), frame.confirmed, question, path));
		} else if (step instanceof StepIr.Branch branch) {
			List<StepIr> chosen = branch.otherwise();
			String block = StepPath.block(path, StepPath.OTHERWISE);
			for (int i = 0; i < branch.cases().size(); i++) {
				if (evaluator.test(branch.cases().get(i).condition())) {
					chosen = branch.cases().get(i).steps();
					block = StepPath.block(path, StepPath.whenCase(i));
					break;
				}
			}
			stack.push(new Frame(frame.flow, chosen, false, frame.confirmed, block));
		} else if (step instanceof StepIr.Call call) {
			call(call.call(), "flow", frame.confirmed);
		} else if (step instanceof StepIr.Generate generate) {
			generation.generate(generate, frame.flow);
		} else if (step instanceof StepIr.Handoff handoff) {
			handOff(handoff);
		} else if (step instanceof StepIr.Run run) {
			FlowIr flow = agent.ir().flow(run.flow());
			if (flow == null) {
				turn.trace.note("no flow " + run.flow() + " to run");
			} else {
				stack.push(new Frame(flow.name(), flow.steps(), true, frame.confirmed, StepPath.FLOW));
				turn.flows.add(flow.name());
				turn.trace.transition("run flow " + flow.name() + " from " + frame.flow);
			}
		} else if (step instanceof StepIr.End) {
			while (!stack.isEmpty()) {
				Frame popped = stack.pop();
				if (popped.root) {
					turn.trace.transition("flow " + popped.flow + " ended");
					break;
				}
			}
		}
	}

	private void ask(StepIr.Ask ask, String flow) {
		IntentIr intent = agent.ir().intent(ask.intent());
		SlotIr slot = intent == null ? null : intent.slot(ask.slot());
		if (slot == null) {
			turn.trace.note("no slot " + ask.intent() + "." + ask.slot());
			return;
		}
		if (memory.containsKey(slot.name())) {
			return;
		}
		String prompt = !ask.prompt().isEmpty() ? render(ask.prompt())
				: !slot.prompt().isEmpty() ? render(slot.prompt())
				: String.format(Phrases.in(Phrases.WHICH_SLOT, locale), slot.name());
		turn.replies.add(policed("prompt", prompt, null, flow));
		await(new SlotQuestion(intent.name(), slot, prompt));
	}

	private void await(Waiting question) {
		waiting = question;
		waitingSince = clock.now();
		reprompts = 0;
		turn.trace.transition("waiting for " + (question instanceof SlotQuestion slot ? "slot " + slot.slot().name()
				: "yes or no"));
	}

	private void handOff(StepIr.Handoff handoff) {
		AgentRuntime target = engine.agent(handoff.agent());
		if (target == null) {
			turn.trace.note("no agent " + handoff.agent() + " to hand off to");
			fallback(turn.intent);
			return;
		}
		turn.trace.transition("handoff " + agentId() + " -> " + target.ir().id() + " with the conversation's memory");
		turn.handoff = target.ir().id();
		stack.clear();
		waiting = null;
		agent = target;
		if (!target.ir().locales().contains(locale)) {
			locale = target.ir().locales().stream().filter(l -> Language.ofLocale(l) == Language.ofLocale(locale))
					.findFirst().orElse(target.ir().defaultLocale());
		}
		armTriggers();
		if (handoff.intent() != null) {
			String meant = turn.intent;
			heard(handoff.intent());
			if (meant != null) {
				// The turn reports what the driver meant to the agent they spoke to; the trace shows the handoff's intent.
				turn.intent = meant;
			}
		}
	}

	// ------------------------------------------------------------------ tools

	/** A call of a flow or a trigger; a call that could not run ends the flow, which relied on it. */
	void call(CallIr call, String origin, boolean confirmed) {
		ToolIr tool = agent.ir().tool(call.tool());
		Map<String, Object> args = new LinkedHashMap<>();
		call.args().forEach((name, value) -> args.put(name, evaluator.value(value)));
		ToolCall done = invoke(tool, call.tool(), args, origin, confirmed, call.result());
		if (done != null && !done.done()) {
			if (!done.outcome().equals("denied")) {
				turn.replies.add(reply("say", Phrases.in(Phrases.NOT_NOW, locale), null, currentFlow()));
			}
			endFlowsAfter(done);
		}
	}

	private void endFlowsAfter(ToolCall call) {
		if (!stack.isEmpty()) {
			turn.trace.transition("the flow ends: " + call.tool() + " was " + call.outcome());
			stack.clear();
		}
	}

	/**
	 * Validates and runs a tool call, under the policies in force: a denied tool does not run, and an actuator
	 * that needs confirmation asks first. Returns the call as recorded, or {@code null} while it waits for the
	 * occupant's yes.
	 */
	ToolCall invoke(ToolIr tool, String name, Map<String, Object> args, String origin, boolean confirmed,
			String resultName) {
		if (tool == null) {
			return record(new ToolCall(name, args, origin, "invalid", null, "no tool " + name + " is declared"));
		}
		String problem = Tools.validate(tool, args, agent.nlu().values(), agent.ir());
		if (problem != null) {
			return record(new ToolCall(name, args, origin, "invalid", null, problem));
		}
		for (PolicyIr policy : activePolicies()) {
			if (policy.deniedTools().contains(tool.name())) {
				turn.replies.add(reply("say", Phrases.in(Phrases.NOT_NOW, locale), null, currentFlow()));
				return record(new ToolCall(name, args, origin, "denied", null, "policy " + policy.name() + " denies it"));
			}
		}
		if (!confirmed && tool.binding() instanceof ToolIr.Binding.Actuator) {
			for (PolicyIr policy : activePolicies()) {
				if (policy.confirmActuators()) {
					String what = tool.description() != null ? lowerFirst(tool.description()) : tool.name();
					String question = String.format(Phrases.in(Phrases.SHALL_I, locale), what);
					turn.trace.transition("policy " + policy.name() + ": " + tool.name() + " needs a confirmation");
					turn.replies.add(reply("prompt", question, null, currentFlow()));
					await(new CallQuestion(tool, args, origin, resultName, question));
					return null;
				}
			}
		}
		return run(tool, args, origin, resultName);
	}

	private ToolCall run(ToolIr tool, Map<String, Object> args, String origin, String resultName) {
		ToolCall done;
		if (tool.binding() instanceof ToolIr.Binding.Actuator actuator) {
			Object target = args.isEmpty() ? Boolean.TRUE : args.values().iterator().next();
			vehicle.setTarget(actuator.path(), target);
			done = new ToolCall(tool.name(), args, origin, "done", target, null);
		} else {
			String handlerName = tool.binding() instanceof ToolIr.Binding.Handler h ? h.handler() : tool.name();
			ToolHandler handler = engine.handler(handlerName);
			if (handler == null) {
				done = new ToolCall(tool.name(), args, origin, "simulated", null,
						"no handler \"" + handlerName + "\" is registered");
			} else {
				try {
					done = new ToolCall(tool.name(), args, origin, "done", handler.call(args), null);
				} catch (Exception e) {
					done = new ToolCall(tool.name(), args, origin, "failed", null,
							e.getClass().getSimpleName() + ": " + e.getMessage());
				}
			}
		}
		if (resultName != null) {
			memory.put(resultName, done.result());
		}
		return record(done);
	}

	ToolCall record(ToolCall call) {
		turn.calls.add(call);
		turn.trace.tool(call);
		return call;
	}

	private static String lowerFirst(String text) {
		String stripped = text.replaceAll("[.。]$", "");
		return stripped.isEmpty() ? stripped : Character.toLowerCase(stripped.charAt(0)) + stripped.substring(1);
	}

	// ------------------------------------------------------------------ replies and policies

	List<PolicyIr> activePolicies() {
		List<PolicyIr> active = new ArrayList<>();
		for (PolicyIr policy : agent.ir().policies()) {
			if (evaluator.test(policy.condition())) {
				active.add(policy);
			}
		}
		return active;
	}

	private void say(Map<String, String> text, Map<String, String> screen, String flow) {
		turn.replies.add(policed("say", render(text), screen.isEmpty() ? null : render(screen), flow));
	}

	/** A reply as the policies in force allow it: shortened to their word limit, without screen text. */
	Reply policed(String type, String text, String screen, String flow) {
		String spoken = text;
		String shown = screen;
		for (PolicyIr policy : activePolicies()) {
			if (policy.maxWords() != null && Words.count(spoken) > policy.maxWords()) {
				String shortened = Words.shorten(spoken, policy.maxWords());
				turn.trace.transition("policy " + policy.name() + ": reply shortened from "
						+ Math.round(Words.count(spoken)) + " to " + Math.round(Words.count(shortened)) + " words");
				spoken = shortened;
			}
			if (policy.noScreenText() && shown != null) {
				turn.trace.transition("policy " + policy.name() + ": screen text dropped");
				shown = null;
			}
		}
		return reply(type, spoken, shown, flow);
	}

	Reply reply(String type, String text, String screen, String flow) {
		if (!type.equals("stop")) {
			remember(LlmMessage.assistant(text, List.of()));
		}
		return new Reply(type, text, screen, locale, agentId(), turn.intent, flow);
	}

	private void fallback(String intent) {
		turn.fallback = true;
		String text = agent.ir().defaults().fallback().isEmpty() ? Phrases.in(Phrases.NOT_UNDERSTOOD, locale)
				: render(agent.ir().defaults().fallback());
		Reply reply = reply("fallback", text, null, null);
		turn.replies.add(new Reply(reply.type(), reply.text(), null, reply.locale(), reply.agent(), intent, null));
	}

	String render(Map<String, String> texts) {
		return evaluator.render(localized(texts), locale,
				missing -> turn.trace.note("template placeholder {" + missing + "} has no value"));
	}

	String localized(Map<String, String> texts) {
		String text = texts.get(locale);
		if (text == null) {
			text = texts.get(agent.ir().defaultLocale());
		}
		return text != null ? text : texts.values().stream().findFirst().orElse("");
	}

	private String currentFlow() {
		return stack.isEmpty() ? null : stack.peek().flow;
	}

	/** The event's locale if the agent speaks it, else the agent's locale for the language of the text. */
	private String localeFor(InputEvent.Voice voice, String text) {
		AgentIr ir = agent.ir();
		if (voice.locale() != null && ir.locales().contains(voice.locale())) {
			return voice.locale();
		}
		Language spoken = Language.ofText(text);
		if (Language.ofLocale(locale) == spoken) {
			return locale;
		}
		return ir.locales().stream().filter(l -> Language.ofLocale(l) == spoken).findFirst().orElse(locale);
	}

	private void remember(LlmMessage message) {
		history.add(message);
		while (history.size() > Generation.HISTORY) {
			history.remove(0);
		}
	}

	// ------------------------------------------------------------------ for Generation

	Engine engine() {
		return engine;
	}

	AgentIr agentIr() {
		return agent.ir();
	}

	Turn turn() {
		return turn;
	}

	List<LlmMessage> history() {
		return List.copyOf(history);
	}

	Map<String, Object> nluSlots(String intent, String normalized) {
		return agent.nlu().slots(intent, normalized);
	}
}
