package dev.cabin.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads input events from their JSON form, one object per line: {@code {"type":"voice","text":"..."}}. */
public final class EventJson {

	private final ObjectMapper mapper = new ObjectMapper();

	public InputEvent parse(String json) throws EventFormatException {
		JsonNode node;
		try {
			node = mapper.readTree(json);
		} catch (JsonProcessingException e) {
			throw new EventFormatException("invalid JSON: " + e.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new EventFormatException("an event must be a JSON object");
		}
		String type = text(node, "type");
		return switch (type) {
		case "voice" -> new InputEvent.Voice(text(node, "text"), optionalText(node, "locale"),
				node.path("confidence").asDouble(1.0));
		default -> throw new EventFormatException("unknown event type \"" + type + "\" (known: voice)");
		};
	}

	private static String text(JsonNode node, String field) throws EventFormatException {
		JsonNode value = node.get(field);
		if (value == null || !value.isTextual()) {
			throw new EventFormatException("missing text field \"" + field + "\"");
		}
		return value.asText();
	}

	private static String optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isTextual() ? value.asText() : null;
	}
}
