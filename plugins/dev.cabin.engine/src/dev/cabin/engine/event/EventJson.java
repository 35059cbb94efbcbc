package dev.cabin.engine.event;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads and writes input events in their JSON form, one object per line:
 * {@code {"type":"voice","text":"open that"}}, {@code {"type":"gaze","zone":"Cabin.Sunroof","dwellMs":800}}.
 */
public final class EventJson {

	/** The event types, as the {@code type} field names them. */
	public static final List<String> TYPES = Stream.of(InputEvent.class.getAnnotation(JsonSubTypes.class).value())
			.map(JsonSubTypes.Type::name).toList();

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
		JsonNode type = node.get("type");
		if (type == null || !type.isTextual()) {
			throw new EventFormatException("missing text field \"type\" (one of " + String.join(", ", TYPES) + ")");
		}
		if (!TYPES.contains(type.asText())) {
			throw new EventFormatException("unknown event type \"" + type.asText() + "\" (known: "
					+ String.join(", ", TYPES) + ")");
		}
		try {
			return mapper.treeToValue(node, InputEvent.class);
		} catch (UnrecognizedPropertyException e) {
			throw new EventFormatException("a " + type.asText() + " event has no field \"" + e.getPropertyName() + "\"");
		} catch (InvalidTypeIdException e) {
			throw new EventFormatException("unknown event type \"" + type.asText() + "\"");
		} catch (JsonMappingException e) {
			throw new EventFormatException(reason(e));
		} catch (JsonProcessingException e) {
			throw new EventFormatException("invalid event: " + e.getOriginalMessage());
		}
	}

	/** The JSON form of an event, on one line. */
	public String write(InputEvent event) {
		try {
			return mapper.writeValueAsString(event);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("an event could not be written as JSON", e);
		}
	}

	/** The event's own complaint (a missing field) rather than Jackson's account of where it was. */
	private static String reason(JsonMappingException e) {
		Throwable cause = e;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof IllegalArgumentException) {
			return cause.getMessage();
		}
		String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
		return field != null ? "field \"" + field + "\" has the wrong type" : "invalid event: " + e.getOriginalMessage();
	}
}
