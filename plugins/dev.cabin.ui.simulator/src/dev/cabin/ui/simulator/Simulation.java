package dev.cabin.ui.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.compiler.CompileException;
import dev.cabin.conversation.ConversationRunner;
import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.TurnResult;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.llm.LanguageModel;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.export.check.AgentRequirements;
import dev.cabin.export.check.SourceLocations;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * A conversation with the agents of one {@code .cabin} file, compiled as the command line compiles them, in a
 * simulated car: the engine, the session, and every turn with its trace. No UI: the view runs it in jobs.
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
	private final CabinIr ir;
	private final Engine engine;
	private final List<Agent> agents;
	private final List<Turn> turns = new ArrayList<>();
	private final Map<String, Object> given = new LinkedHashMap<>();
	private Session session;
	private AgentIr agent;

	private Simulation(Path file, CabinIr ir, Engine engine, List<Agent> agents) {
		this.file = file;
		this.ir = ir;
		this.engine = engine;
		this.agents = agents;
	}

	/**
	 * Parses, validates and compiles the text of the file (as an editor holds it) and starts an engine with the
	 * model (or offline, for {@code null}).
	 */
	public static Simulation load(Path file, String text, LanguageModel model) throws SimulationException {
		return load(file, text, model, Progress.NONE);
	}

	/** As {@link #load(Path, String, LanguageModel)}, telling the progress of the compiler's long work. */
	public static Simulation load(Path file, String text, LanguageModel model, Progress progress)
			throws SimulationException {
		LoadResult loaded = CabinLanguage.sources().load(file, text);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new SimulationException(errors.get(0).format()
					+ (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : ""));
		}
		List<Agent> agents = new ArrayList<>();
		for (CabinFile source : loaded.files()) {
			agents.addAll(source.getAgents());
		}
		if (agents.isEmpty()) {
			throw new SimulationException(file + ": no agent to talk to in this file");
		}
		try {
			CabinIr ir = new CabinCompiler(SentenceEncoders.embedded(), progress).compile(loaded.files());
			Engine engine = Engine.builder(ir).encoders(SentenceEncoders.embedded()).languageModel(model).build();
			return new Simulation(file, ir, engine, agents);
		} catch (CompileException | IrFormatException e) {
			throw new SimulationException(e.getMessage());
		}
	}

	public Path file() {
		return file;
	}

	/** The engine of the compiled agents (for runs of many utterances, such as lab tests). */
	public Engine engine() {
		return engine;
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
		for (AgentRequirements.Need need : AgentRequirements.of(model(agent.id()), new SourceLocations(List.of(file)))
				.signalsRead()) {
			paths.add(need.subject());
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

	/** Runs the conversation tests of the current agent, each in a fresh session. */
	public List<ConversationRunner.Result> runTests() {
		AgentIr tested = agent();
		List<ConversationRunner.Result> results = new ArrayList<>();
		ConversationRunner runner = new ConversationRunner(engine);
		tested.tests().forEach(test -> results.add(runner.run(tested, test)));
		return results;
	}

	/**
	 * Where a new conversation test of the agent goes in the file's text (as it is now, perhaps edited since the
	 * simulation started): just before the agent's closing brace; -1 when the text has no such agent.
	 */
	public static int testInsertionOffset(Path file, String text, String agentId) {
		LoadResult loaded = CabinLanguage.sources().load(file, text);
		for (CabinFile source : loaded.files()) {
			for (Agent candidate : source.getAgents()) {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(candidate);
				if (agentId.equals(candidate.getName()) && node != null) {
					return text.lastIndexOf('}', node.getEndOffset() - 1);
				}
			}
		}
		return -1;
	}

	private Agent model(String id) {
		return agents.stream().filter(a -> id.equals(a.getName())).findFirst().orElseThrow();
	}
}
