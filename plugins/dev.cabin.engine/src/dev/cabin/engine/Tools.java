package dev.cabin.engine;

import java.util.Map;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.nlu.SlotValues;
import dev.cabin.language.TextNormalizer;

/** Checks tool arguments against the tool's declaration, whoever made the call: a flow or an LLM. */
final class Tools {

	private Tools() {
	}

	/**
	 * Validates the arguments in place: fills in defaults, turns entity synonyms into entity values and
	 * numeric strings into numbers. Returns what is wrong, or {@code null}.
	 */
	static String validate(ToolIr tool, Map<String, Object> args, SlotValues values, AgentIr agent) {
		for (String name : args.keySet()) {
			if (tool.param(name) == null) {
				return tool.name() + " has no parameter \"" + name + "\"";
			}
		}
		for (ToolIr.Param param : tool.params()) {
			Object value = args.get(param.name());
			if (value == null) {
				if (param.defaultValue() != null) {
					args.put(param.name(), Evaluator.literal(param.defaultValue()));
				} else if (!param.optional()) {
					return tool.name() + " needs the argument \"" + param.name() + "\"";
				}
				continue;
			}
			Object typed = typed(value, param.type(), values, agent);
			if (typed == null) {
				return "\"" + param.name() + "\" of " + tool.name() + " must be " + describe(param.type(), agent)
						+ ", not " + value;
			}
			args.put(param.name(), typed);
		}
		return null;
	}

	private static Object typed(Object value, TypeIr type, SlotValues values, AgentIr agent) {
		if (type.entity() != null) {
			return value instanceof String text ? values.parse(TextNormalizer.normalize(text), type) : null;
		}
		if (type.numeric()) {
			if (value instanceof Number number) {
				return number.doubleValue();
			}
			return value instanceof String text ? values.find(TextNormalizer.normalize(text), type) : null;
		}
		if (type.builtin().equals("boolean")) {
			return value instanceof Boolean ? value : null;
		}
		return value instanceof String || value instanceof Number ? value.toString() : null;
	}

	private static String describe(TypeIr type, AgentIr agent) {
		if (type.entity() != null) {
			EntityIr entity = agent.entity(type.entity());
			return "one of " + (entity == null ? "[]" : entity.values().stream().map(EntityIr.Value::name).toList());
		}
		return "a " + type.builtin();
	}
}
