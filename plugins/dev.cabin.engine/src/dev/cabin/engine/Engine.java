package dev.cabin.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.IntentRecognizer;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The assistant engine for a set of compiled agents. Thread-safe: one engine serves many sessions.
 */
public final class Engine {

	/** Below this cosine similarity to the nearest example an utterance is out of scope. */
	static final double DEFAULT_THRESHOLD = 0.55;

	private final Map<String, AgentRuntime> agents = new LinkedHashMap<>();

	private Engine(CabinIr ir, SentenceEncoders encoders) {
		for (AgentIr agent : ir.agents()) {
			agents.put(agent.id(),
					new AgentRuntime(agent, new IntentRecognizer(agent.intents(), encoders, DEFAULT_THRESHOLD)));
		}
	}

	/**
	 * An engine for the agents of an IR, refusing an IR whose example embeddings were made by another model
	 * than the one this engine would embed queries with.
	 */
	public static Engine load(CabinIr ir, SentenceEncoders encoders) throws IrFormatException {
		for (Map.Entry<String, EncoderInfo> entry : ir.encoders().entrySet()) {
			Language language = languageOf(entry.getKey());
			String expected = encoders.forLanguage(language).modelId();
			if (!expected.equals(entry.getValue().modelId())) {
				throw new IrFormatException("the IR's " + entry.getKey() + " examples were embedded with "
						+ entry.getValue().modelId() + ", but this engine embeds with " + expected);
			}
		}
		if (ir.agents().isEmpty()) {
			throw new IrFormatException("the IR has no agent");
		}
		return new Engine(ir, encoders);
	}

	private static Language languageOf(String code) throws IrFormatException {
		for (Language language : Language.values()) {
			if (language.code().equals(code)) {
				return language;
			}
		}
		throw new IrFormatException("the IR uses an encoder for language \"" + code + "\", which this engine lacks");
	}

	/** A new conversation with the first agent. */
	public Session openSession() {
		return new Session(agents.values().iterator().next());
	}

	/** A new conversation with the given agent, or {@code null} if there is no such agent. */
	public Session openSession(String agentId) {
		AgentRuntime agent = agents.get(agentId);
		return agent == null ? null : new Session(agent);
	}

	record AgentRuntime(AgentIr ir, IntentRecognizer recognizer) {
	}
}
