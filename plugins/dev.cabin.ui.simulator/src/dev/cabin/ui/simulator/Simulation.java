package dev.cabin.ui.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cabin.compiler.CompileException;
import dev.cabin.compiler.service.Cancellation;
import dev.cabin.compiler.service.Compilation;
import dev.cabin.conversation.ConversationRunner;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.query.AgentEnd;
import dev.cabin.dsl.query.AgentSignals;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.lab.FalseAcceptsMeter;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.ui.compile.StudioCompileService;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * A conversation with the agents of one {@code .cabin} file, compiled by Studio's compile service (an agent
 * compiled before, by the builder or an earlier load, comes from its cache), in a simulated car: the engine, the
 * session, and every turn with its trace. No UI: the view runs it in jobs.
 */
public final class Simulation {

	/**
	 * One event and what the engine made of it; the trace as the engine wrote it, and the simulated car and
	 * driver after the turn.
	 */
	public record Turn(int number, InputEvent event, TurnResult result, Map<String, Object> trace,
			Map<String, Object> state) {
	}

	/** Why a file cannot be simulated, in the compiler's words (file:line:col). */
	public static final class SimulationException extends Exception {
		private static final long serialVersionUID = 1L;

		SimulationException(String message) {
			super(message);
		}
	}

	private final Path file;
	private final Compilation compilation;
	private final CabinIr ir;
	private final Engine engine;
	private final List<Agent> agents;
	private final List<Turn> turns = new ArrayList<>();
	private final Map<String, Object> given = new LinkedHashMap<>();
	private Session session;
	private AgentIr agent;

	private Simulation(Path file, Compilation compilation, Engine engine, List<Agent> agents) {
		this.file = file;
		this.compilation = compilation;
		this.ir = compilation.ir();
		this.engine = engine;
		this.agents = agents;
	}

	/**
	 * Parses, validates and compiles the text of the file (as an editor holds it) and starts an engine with the
	 * model (or offline, for {@code null}).
	 */
	public static Simulation load(Path file, String text, LanguageModel model) throws SimulationException {
		return load(file, text, model, Progress.NONE, Cancellation.NEVER);
	}

	/**
	 * As {@link #load(Path, String, LanguageModel)}, telling the progress of the compiler's long work.
	 *
	 * @throws java.util.concurrent.CancellationException when cancelled while compiling
	 */
	public static Simulation load(Path file, String text, LanguageModel model, Progress progress,
			Cancellation cancellation) throws SimulationException {
		try {
			StudioCompileService.CompiledDocument compiled = StudioCompileService.compile(file, text, progress,
					cancellation);
			List<Agent> agents = new ArrayList<>();
			for (CabinFile source : compiled.loaded().files()) {
				agents.addAll(source.getAgents());
			}
			if (agents.isEmpty()) {
				throw new SimulationException(file + ": no agent to talk to in this file");
			}
			Engine engine = Engine.builder(compiled.compilation().ir(), StudioCompileService.get().encoders())
					.languageModel(model).build();
			return new Simulation(file, compiled.compilation(), engine, agents);
		} catch (CompileException | IrFormatException e) {
			throw new SimulationException(e.getMessage());
		}
	}

	/** How the agents were compiled: whether they came from the cache, and how long it took. */
	public Compilation compilation() {
		return compilation;
	}

	public Path file() {
		return file;
	}

	/** The compiled agents by id. */
	public Map<String, AgentIr> agents() {
		Map<String, AgentIr> byId = new LinkedHashMap<>();
		ir.agents().forEach(a -> byId.put(a.id(), a));
		return byId;
	}

	public List<String> agentIds() {
		return ir.agents().stream().map(AgentIr::id).toList();
	}

	/** A new conversation with the agent (the file's first for {@code null}); the turns so far are forgotten. */
	public synchronized void start(String agentId) {
		String id = agentId != null && agentIds().contains(agentId) ? agentId : engine.firstAgentId();
		session = engine.openSession(id);
		agent = ir.agents().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
		turns.clear();
		given.clear();
	}

	/** Sets the car's signals as the conversation's starting conditions (no trigger fires for them). */
	public synchronized void given(Map<String, Object> signals) {
		signals.forEach(session::given);
		given.putAll(signals);
	}

	/** The starting values of the signals the agent reads (those that can matter to it), in source order. */
	public synchronized Map<String, Object> givenSignalsRead() {
		Map<String, Object> read = new LinkedHashMap<>();
		for (String path : signalsRead()) {
			if (given.containsKey(path)) {
				read.put(path, given.get(path));
			}
		}
		return read;
	}

	public synchronized AgentIr agent() {
		return agent;
	}

	public synchronized Session session() {
		return session;
	}

	/** Handles one event (on the caller's thread; an LLM call may take a while). */
	public Turn handle(InputEvent event) {
		Session current;
		synchronized (this) {
			current = session;
		}
		TurnResult result = current.handle(event);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("vehicle", current.vehicle().snapshot());
		state.put("driver", current.driverState());
		state.put("locale", current.locale());
		state.put("agent", current.agentId());
		Map<String, Object> trace = result.trace().toData();
		synchronized (this) {
			Turn turn = new Turn(turns.size() + 1, event, result, trace, state);
			if (current == session) {
				turns.add(turn);
			}
			return turn;
		}
	}

	public synchronized List<Turn> turns() {
		return List.copyOf(turns);
	}

	/** The VSS signals the current agent reads (conditions, templates), in source order. */
	public synchronized List<String> signalsRead() {
		Set<String> paths = new LinkedHashSet<>();
		for (AgentSignals.Use read : AgentSignals.read(model(agent.id()))) {
			paths.add(read.path());
		}
		return List.copyOf(paths);
	}

	/** The cabin zones the current agent's gaze triggers watch ({@code Cabin.Sunroof}). */
	public synchronized Set<String> watchedZones() {
		Set<String> zones = new LinkedHashSet<>();
		for (TriggerIr trigger : agent.triggers()) {
			for (EventIr event : new EventIr[] { trigger.event(), trigger.partner() }) {
				if (event instanceof EventIr.Gaze gaze) {
					zones.add(gaze.zone());
				}
			}
		}
		return zones;
	}

	/**
	 * Runs the conversation tests of the current agent, each in a fresh session; a test that asserts the agent's
	 * false accepts has them measured on the held-back background, as {@code cabin test} does.
	 *
	 * @param progress tells how the measurement of the background advances
	 */
	public List<ConversationRunner.Result> runTests(Progress progress) {
		AgentIr tested = agent();
		List<ConversationRunner.Result> results = new ArrayList<>();
		FalseAcceptsMeter meter = new FalseAcceptsMeter(ir, StudioCompileService.get().encoders(), progress);
		ConversationRunner runner = new ConversationRunner(engine, meter::rate);
		tested.tests().forEach(test -> results.add(runner.run(tested, test)));
		return results;
	}

	/**
	 * Where a new conversation test of the agent goes in the file's text (as it is now, perhaps edited since the
	 * simulation started): just before the agent's closing brace; -1 when the text has no such agent.
	 */
	public static int testInsertionOffset(Path file, String text, String agentId) {
		return AgentEnd.closingBrace(CabinLanguage.sources().load(file, text), agentId, text);
	}

	private Agent model(String id) {
		return agents.stream().filter(a -> id.equals(a.getName())).findFirst().orElseThrow();
	}
}
