package dev.cabin.dsl.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;

import dev.cabin.dsl.cabin.Agent;

/**
 * The {@link CloseExampleIndex} of each locale of each agent recently validated, found again by what survives a
 * re-parse: the file's URI, the agent's name and the locale. The least recently used are forgotten beyond
 * {@value #CAPACITY}, so memory stays bounded however many files are validated; a forgotten index is made again.
 */
final class CloseExampleIndexes {

	/* Enough for the files open in a few editors at once. */
	private static final int CAPACITY = 32;

	private static final Map<String, CloseExampleIndex> INDEXES = new LinkedHashMap<>(CAPACITY, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, CloseExampleIndex> eldest) {
			return size() > CAPACITY;
		}
	};

	private CloseExampleIndexes() {
	}

	/** The index of an agent's examples in a locale; a new one for an agent outside any file. */
	static CloseExampleIndex of(Agent agent, String locale) {
		Resource resource = agent.eResource();
		if (resource == null || resource.getURI() == null) {
			return new CloseExampleIndex();
		}
		String key = resource.getURI() + "\n" + agent.getName() + "\n" + locale;
		synchronized (INDEXES) {
			return INDEXES.computeIfAbsent(key, k -> new CloseExampleIndex());
		}
	}
}
