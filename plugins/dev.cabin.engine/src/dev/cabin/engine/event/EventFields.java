package dev.cabin.engine.event;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields each event type has in its JSON form (README, "The command line"), and the check of an event object
 * against them before it becomes an {@link InputEvent}: every field of the right JSON kind, nothing coerced (a
 * number is no text, {@code "10"} no number, {@code 1.5} no millisecond count), required fields present, no
 * other fields. An optional field may be absent or {@code null}.
 */
final class EventFields {

	private enum Kind {
		TEXT("a string"),
		CONFIDENCE("a number from 0 to 1"),
		MILLIS("a whole number of milliseconds, 0 or more"),
		SCALAR("a number, a string or a boolean");

		private final String description;

		Kind(String description) {
			this.description = description;
		}
	}

	private record Field(String name, Kind kind, boolean required) {
	}

	private static final Map<String, List<Field>> FIELDS = Map.of(
			"voice", List.of(required("text", Kind.TEXT), optional("locale", Kind.TEXT),
					optional("confidence", Kind.CONFIDENCE)),
			"wake", List.of(optional("phrase", Kind.TEXT)),
			"ptt", List.of(),
			"gaze", List.of(required("zone", Kind.TEXT), optional("dwellMs", Kind.MILLIS)),
			"gesture", List.of(required("gesture", Kind.TEXT)),
			"posture", List.of(required("state", Kind.TEXT)),
			"signal", List.of(required("path", Kind.TEXT), required("value", Kind.SCALAR)),
			"touch", List.of(required("control", Kind.TEXT)),
			"wait", List.of(required("ms", Kind.MILLIS)));

	private EventFields() {
	}

	/** Checks an event object of a known type; the first thing wrong as the exception's message. */
	static void check(String type, JsonNode event) throws EventFormatException {
		List<Field> fields = FIELDS.get(type);
		for (Iterator<String> names = event.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!name.equals("type") && fields.stream().noneMatch(field -> field.name().equals(name))) {
				throw new EventFormatException("a " + type + " event has no field \"" + name + "\"");
			}
		}
		for (Field field : fields) {
			JsonNode value = event.get(field.name());
			boolean absent = value == null || value.isNull();
			if (absent && field.required()) {
				throw new EventFormatException("missing field \"" + field.name() + "\" (" + field.kind().description
						+ ")");
			}
			if (!absent && !fits(field.kind(), value)) {
				throw new EventFormatException("field \"" + field.name() + "\" must be " + field.kind().description);
			}
		}
	}

	private static boolean fits(Kind kind, JsonNode value) {
		return switch (kind) {
		case TEXT -> value.isTextual();
		case CONFIDENCE -> finite(value) && value.doubleValue() >= 0 && value.doubleValue() <= 1;
		case MILLIS -> value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0;
		case SCALAR -> value.isTextual() || value.isBoolean() || finite(value);
		};
	}

	/* A JSON number can still be out of a double's range (1e999). */
	private static boolean finite(JsonNode value) {
		return value.isNumber() && Double.isFinite(value.doubleValue());
	}

	private static Field required(String name, Kind kind) {
		return new Field(name, kind, true);
	}

	private static Field optional(String name, Kind kind) {
		return new Field(name, kind, false);
	}
}
