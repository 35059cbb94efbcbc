package dev.cabin.engine.ir;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A tool the agent (and an LLM on its behalf) may call.
 *
 * @param name the tool's qualified name, e.g. {@code sunroof.open}
 * @param description what it does, for authors and for an LLM choosing tools
 * @param returns the type of its result, or {@code null}
 * @param binding how it is carried out, or {@code null} when the integration binds it by name
 */
public record ToolIr(String name, String description, List<Param> params, TypeIr returns, Binding binding) {

	public ToolIr {
		params = List.copyOf(params);
	}

	public Param param(String paramName) {
		return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
	}

	/** A parameter; optional ones may be left out, and a default value fills them in. */
	public record Param(String name, TypeIr type, boolean optional, ValueIr defaultValue) {
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Binding.Actuator.class, name = "actuator"),
			@JsonSubTypes.Type(value = Binding.Handler.class, name = "handler") })
	public sealed interface Binding {

		/**
		 * Sets the target value of a VSS actuator: to {@code value} (a literal, or a reference to one of the tool's
		 * parameters), or without one to the tool's only argument, or {@code true} for a tool without any.
		 */
		record Actuator(String path, @JsonInclude(JsonInclude.Include.NON_NULL) ExprIr value) implements Binding {
		}

		/** Runs the handler the vehicle integration registered under this name. */
		record Handler(String handler) implements Binding {
		}
	}
}
