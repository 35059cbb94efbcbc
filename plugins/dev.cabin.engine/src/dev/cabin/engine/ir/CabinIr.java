package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

/**
 * The compiled form of one or more agents: everything the engine needs, and nothing from the source
 * language. Stored as JSON ({@link IrCodec}); the format is described in docs/IR.md.
 *
 * @param formatVersion the IR format; the engine refuses versions it does not know
 * @param encoders the sentence encoder used per language ("en", "zh"), so that a runtime can check that
 *        it embeds queries with the model that embedded the examples
 * @param agents the agents, in source order
 */
public record CabinIr(int formatVersion, Map<String, EncoderInfo> encoders, List<AgentIr> agents) {

	/** The IR format this engine reads and writes. */
	public static final int FORMAT_VERSION = 5;

	public CabinIr {
		encoders = Map.copyOf(encoders);
		agents = List.copyOf(agents);
	}

	public AgentIr agent(String id) {
		return agents.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
	}
}
