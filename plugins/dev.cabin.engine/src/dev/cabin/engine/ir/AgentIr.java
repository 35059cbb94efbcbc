package dev.cabin.engine.ir;

import java.util.List;
import java.util.Map;

/**
 * One agent.
 *
 * @param id the agent's id as written in the source
 * @param title its display name, or the id
 * @param locales its locales, the first being the default
 * @param persona the persona per locale (may be empty)
 * @param wakeWords the phrases that wake it
 */
public record AgentIr(String id, String title, List<String> locales, Map<String, String> persona,
		List<String> wakeWords, List<IntentIr> intents, List<TriggerIr> triggers, List<FlowIr> flows) {

	public AgentIr {
		locales = List.copyOf(locales);
		persona = Map.copyOf(persona);
		wakeWords = List.copyOf(wakeWords);
		intents = List.copyOf(intents);
		triggers = List.copyOf(triggers);
		flows = List.copyOf(flows);
	}

	public String defaultLocale() {
		return locales.isEmpty() ? "en-US" : locales.get(0);
	}

	public FlowIr flow(String name) {
		return flows.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
	}
}
