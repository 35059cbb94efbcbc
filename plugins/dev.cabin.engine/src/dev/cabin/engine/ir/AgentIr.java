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
 * @param defaults what applies where a flow or intent says nothing
 * @param classifier how the agent's intents are told apart, with its compile-time data
 * @param tests the conversation tests written for the agent
 */
public record AgentIr(String id, String title, List<String> locales, Map<String, String> persona,
		List<String> wakeWords, DefaultsIr defaults, List<EntityIr> entities, List<IntentIr> intents,
		List<ToolIr> tools, List<TriggerIr> triggers, List<FlowIr> flows, List<PolicyIr> policies,
		ClassifierIr classifier, List<TestIr> tests) {

	public AgentIr {
		locales = List.copyOf(locales);
		persona = Map.copyOf(persona);
		wakeWords = List.copyOf(wakeWords);
		defaults = defaults != null ? defaults : DefaultsIr.NONE;
		entities = Ir.list(entities);
		intents = List.copyOf(intents);
		tools = Ir.list(tools);
		triggers = List.copyOf(triggers);
		flows = List.copyOf(flows);
		policies = Ir.list(policies);
		classifier = classifier != null ? classifier : ClassifierIr.DEFAULT;
		tests = Ir.list(tests);
	}

	public String defaultLocale() {
		return locales.isEmpty() ? "en-US" : locales.get(0);
	}

	public FlowIr flow(String name) {
		return flows.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
	}

	public IntentIr intent(String name) {
		return intents.stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
	}

	public ToolIr tool(String name) {
		return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
	}

	public EntityIr entity(String name) {
		return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
	}
}
