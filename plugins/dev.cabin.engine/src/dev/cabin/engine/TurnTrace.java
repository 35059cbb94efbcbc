package dev.cabin.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What happened in one turn, for people and tools: the event, the NLU candidates and scores, the chosen intent
 * and slots, state transitions, tool calls, LLM requests and responses, policies applied and the time per
 * stage. Written as one JSON object, or given as plain data; {@link Secrets} never appear in either.
 */
public final class TurnTrace {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, Object> root = new LinkedHashMap<>();
	private final Map<String, Long> stages = new LinkedHashMap<>();
	private final List<String> transitions = new ArrayList<>();
	private final List<Object> tools = new ArrayList<>();
	private final List<Object> llm = new ArrayList<>();
	private final List<Object> visits = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();

	TurnTrace(String session, int turn, String agent, long at, Object event) {
		root.put("session", session);
		root.put("turn", turn);
		root.put("agent", agent);
		root.put("atMs", at);
		root.put("event", event);
	}

	void put(String key, Object value) {
		root.put(key, value);
	}

	void stage(String name, long nanos) {
		stages.merge(name, nanos / 1_000, Long::sum);
	}

	void transition(String text) {
		transitions.add(text);
	}

	void tool(ToolCall call) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("tool", call.tool());
		entry.put("args", call.args());
		entry.put("origin", call.origin());
		entry.put("outcome", call.outcome());
		entry.put("result", call.result());
		entry.put("reason", call.reason());
		tools.add(entry);
	}

	/** A trigger fired: its agent and its index among the agent's triggers (source order). */
	void triggerFired(String agent, int index) {
		Map<String, Object> visit = new LinkedHashMap<>();
		visit.put("agent", agent);
		visit.put("trigger", index);
		visits.add(visit);
	}

	/**
	 * A step ran: its flow and its path there (its index among its siblings, inside a confirmation or branch
	 * preceded by that step's path and the block: {@code 2.yes.0}, {@code 3.case0.1}, {@code 3.otherwise.0}).
	 */
	void stepRun(String agent, String flow, String path) {
		Map<String, Object> visit = new LinkedHashMap<>();
		visit.put("agent", agent);
		visit.put("flow", flow);
		visit.put("step", path);
		visits.add(visit);
	}

	void llm(Map<String, Object> exchange) {
		llm.add(exchange);
	}

	void note(String text) {
		notes.add(text);
	}

	public List<String> transitions() {
		return List.copyOf(transitions);
	}

	public List<String> notes() {
		return List.copyOf(notes);
	}

	/**
	 * The trace as plain data, secrets masked: maps (in the order of the JSON), lists, strings, numbers (whole
	 * numbers as {@code Integer} or {@code Long}, others as {@code Double}), booleans and {@code null}; the same
	 * content as {@link #toJson()}. A fresh copy on every call.
	 */
	public Map<String, Object> toData() {
		Map<String, Object> out = new LinkedHashMap<>(root);
		out.put("stagesMicros", stages);
		out.put("transitions", transitions);
		out.put("toolCalls", tools);
		out.put("llm", llm);
		out.put("visits", visits);
		out.put("notes", notes);
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) plain(JSON.valueToTree(out));
		return data;
	}

	/** The trace as one line of JSON, secrets masked. */
	public String toJson() {
		try {
			return JSON.writeValueAsString(toData());
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("a trace could not be written as JSON", e);
		}
	}

	/** A JSON tree as plain Java values, every text (names included) masked. */
	private static Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				map.put(Secrets.masked(field.getKey()), plain(field.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.forEach(element -> list.add(plain(element)));
			return list;
		}
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToInt() ? (Object) node.intValue()
					: node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
		}
		if (node.isNumber()) {
			// as the number reads in JSON, so that a float's digits are not widened
			return Double.valueOf(node.asText());
		}
		return Secrets.masked(node.asText());
	}
}
