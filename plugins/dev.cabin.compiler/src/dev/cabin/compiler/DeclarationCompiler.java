package dev.cabin.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.Entity;
import dev.cabin.dsl.cabin.EntityValue;
import dev.cabin.dsl.cabin.HandlerBinding;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.Tool;
import dev.cabin.dsl.cabin.ToolParam;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ToolIr;

/** Entities and tools, which a file may declare for all its agents or an agent for itself. */
final class DeclarationCompiler {

	private DeclarationCompiler() {
	}

	static EntityIr entity(Entity entity) {
		List<EntityIr.Value> values = new ArrayList<>();
		for (EntityValue value : entity.getValues()) {
			Map<String, List<String>> synonyms = new LinkedHashMap<>();
			for (LocalizedPhrases phrases : value.getSynonyms()) {
				synonyms.computeIfAbsent(phrases.getLocale(), l -> new ArrayList<>()).addAll(phrases.getTexts());
			}
			values.add(new EntityIr.Value(value.getName(), synonyms));
		}
		return new EntityIr(entity.getName(), values);
	}

	static ToolIr tool(Tool tool) {
		List<ToolIr.Param> params = new ArrayList<>();
		for (ToolParam param : tool.getParams()) {
			params.add(new ToolIr.Param(param.getName(), ExpressionCompiler.type(param.getType()), param.isOptional(),
					param.getDefaultValue() == null ? null : ExpressionCompiler.literal(param.getDefaultValue())));
		}
		ToolIr.Binding binding = null;
		if (tool.getBinding() instanceof ActuatorBinding actuator) {
			binding = new ToolIr.Binding.Actuator(actuator.getPath(),
					actuator.getValue() == null ? null : ExpressionCompiler.expression(actuator.getValue()));
		} else if (tool.getBinding() instanceof HandlerBinding handler) {
			binding = new ToolIr.Binding.Handler(handler.getHandler());
		}
		return new ToolIr(tool.getName(), tool.getDescription(), params,
				tool.getReturnType() == null ? null : ExpressionCompiler.type(tool.getReturnType()), binding);
	}
}
