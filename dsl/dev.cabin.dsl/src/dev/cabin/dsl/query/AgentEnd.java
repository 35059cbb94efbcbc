package dev.cabin.dsl.query;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.load.LoadResult;

/** Where an agent's text ends: what is appended to the agent (a conversation test) goes before its closing brace. */
public final class AgentEnd {

	private AgentEnd() {
	}

	/**
	 * The offset of the agent's closing brace in the text the sources were loaded from; -1 when the text has no
	 * such agent.
	 */
	public static int closingBrace(LoadResult loaded, String agentId, String text) {
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
}
