package dev.cabin.engine.event;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes input events in their JSON form, one object per line:
 * {@code {"type":"voice","text":"open that"}}, {@code {"type":"gaze","zone":"Cabin.Sunroof","dwellMs":800}}.
 */
public final class EventJson {

	/** The event types, as the {@code type} field names them. */
	public static final List<String> TYPES = Stream.of(InputEvent.class.getAnnotation(JsonSubTypes.class).value())
			.map(JsonSubTypes.Type::name).toList();

	private final ObjectMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();

	/**
	 * The event of one line: exactly one JSON object with nothing after it, whose fields are those its type has,
	 * each of the right kind ({@link EventFields}).
	 */
	public InputEvent parse(String json) throws EventFormatException {
		JsonNode node = singleValue(json);
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
		EventFields.check(type.asText(), node);
		try {
			return mapper.treeToValue(node, InputEvent.class);
		} catch (JsonProcessingException e) {
			throw new EventFormatException(reason(e));
		}
	}

	private JsonNode singleValue(String json) throws EventFormatException {
		try (JsonParser parser = mapper.createParser(json)) {
			JsonNode node;
			try {
				node = mapper.readTree(parser);
			} catch (JsonProcessingException e) {
				throw new EventFormatException("invalid JSON: " + e.getOriginalMessage());
			}
			if (nextToken(parser) != null) {
				throw new EventFormatException("text after the event's JSON object (one object per line, nothing after it)");
			}
			return node;
		} catch (IOException e) {
			throw new EventFormatException("invalid JSON: " + e.getMessage());
		}
	}

	/* What follows the object, if anything; unreadable text after it counts as something. */
	private static JsonToken nextToken(JsonParser parser) {
		try {
			return parser.nextToken();
		} catch (IOException e) {
			return JsonToken.NOT_AVAILABLE;
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

	/** The event's own complaint (a record's check) rather than Jackson's account of where it was. */
	private static String reason(JsonProcessingException e) {
		Throwable cause = e;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause instanceof IllegalArgumentException ? cause.getMessage() : "invalid event: " + e.getOriginalMessage();
	}
}
