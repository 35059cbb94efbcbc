package dev.cabin.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.Engine.AgentRuntime;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.llm.LlmMessage;
import dev.cabin.engine.llm.ResilientModel;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Recognition;
import dev.cabin.engine.vehicle.Vehicle;

/**
 * The session as the current turn sees it (the agent that answers, the locale it speaks, the driver's state,
 * the session's memory of slots and tool results, the conversation an LLM sees) and what the turn records: its
 * trace, replies, tool calls, the flows it started and the intent it handles. One per session; every event
 * begins a turn. Used only under the session's lock.
 */
final class TurnContext {

	private final Engine engine;
	private final Vehicle vehicle;
	private final Map<String, Object> memory = new LinkedHashMap<>();
	private final List<LlmMessage> history = new ArrayList<>();
	private final Evaluator evaluator;

	private AgentRuntime agent;
	private String locale;
	private String driverState;
	private Turn turn;

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

		private Turn(TurnTrace trace) {
			this.trace = trace;
		}
	}

	TurnContext(Engine engine, AgentRuntime agent, Vehicle vehicle) {
		this.engine = engine;
		this.agent = agent;
		this.vehicle = vehicle;
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
				return TurnContext.this.agent.ir().entities();
			}
		});
	}

	// ------------------------------------------------------------------ the session, as the turn sees it

	AgentRuntime agent() {
		return agent;
	}

	AgentIr ir() {
		return agent.ir();
	}

	String agentId() {
		return agent.ir().id();
	}

	/** Another agent of the engine, or {@code null}. */
	AgentRuntime agentNamed(String id) {
		return engine.agent(id);
	}

	/** The conversation goes on with another agent, in the locale it speaks closest to the current one. */
	void handOverTo(AgentRuntime target) {
		agent = target;
		if (!target.ir().locales().contains(locale)) {
			locale = target.ir().locales().stream().filter(l -> Language.ofLocale(l) == Language.ofLocale(locale))
					.findFirst().orElse(target.ir().defaultLocale());
		}
	}

	/** The engine's LLM, or {@code null} when it runs offline. */
	ResilientModel model() {
		return engine.model();
	}

	ToolHandler handler(String name) {
		return engine.handler(name);
	}

	String locale() {
		return locale;
	}

	void locale(String newLocale) {
		locale = newLocale;
	}

	/** Speaks the utterance's locale if the agent does, else the agent's locale for the language of the text. */
	void adoptLocaleOf(InputEvent.Voice voice, String text) {
		AgentIr ir = agent.ir();
		if (voice.locale() != null && ir.locales().contains(voice.locale())) {
			locale = voice.locale();
			return;
		}
		Language spoken = Language.ofText(text);
		if (Language.ofLocale(locale) != spoken) {
			locale = ir.locales().stream().filter(l -> Language.ofLocale(l) == spoken).findFirst().orElse(locale);
		}
	}

	String driverState() {
		return driverState;
	}

	void driverState(String state) {
		driverState = state;
	}

	Vehicle vehicle() {
		return vehicle;
	}

	Evaluator evaluator() {
		return evaluator;
	}

	/** The session's memory itself (slots and tool results), not a copy. */
	Map<String, Object> memory() {
		return memory;
	}

	/** Forgets the slots of an intent that is heard anew, so that values of an earlier request do not stick. */
	void forgetSlotsOf(String intentName) {
		IntentIr intent = agent.ir().intent(intentName);
		if (intent != null) {
			intent.slots().forEach(slot -> memory.remove(slot.name()));
		}
	}

	void remember(LlmMessage message) {
		history.add(message);
		while (history.size() > Generation.HISTORY) {
			history.remove(0);
		}
	}

	/** The latest messages of the conversation, for an LLM. */
	List<LlmMessage> history() {
		return List.copyOf(history);
	}

	// ------------------------------------------------------------------ the turn

	void begin(TurnTrace trace) {
		turn = new Turn(trace);
	}

	/** Ends the turn and returns what it produced. */
	Turn end() {
		Turn done = turn;
		turn = null;
		return done;
	}

	TurnTrace trace() {
		return turn.trace;
	}

	/** The intent the turn handles, or {@code null}. */
	String intent() {
		return turn.intent;
	}

	void intent(String intent) {
		turn.intent = intent;
	}

	void add(Reply reply) {
		turn.replies.add(reply);
	}

	/** A tool call made or refused in this turn, for its result and its trace. */
	ToolCall record(ToolCall call) {
		turn.calls.add(call);
		turn.trace.tool(call);
		return call;
	}

	void recognized(Recognition recognition) {
		turn.recognition = recognition;
	}

	void flowStarted(String flow) {
		turn.flows.add(flow);
	}

	void handedOffTo(String agentId) {
		turn.handoff = agentId;
	}

	void fellBack() {
		turn.fallback = true;
	}

	/** Counts a step run in this turn; returns how many ran so far. */
	int stepRun() {
		return ++turn.steps;
	}
}
