package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cabin.engine.event.EventFormatException;
import dev.cabin.engine.event.EventJson;
import dev.cabin.engine.event.InputEvent;

class EventJsonTest {

	private final EventJson events = new EventJson();

	@Test
	void readsAVoiceEvent() throws EventFormatException {
		InputEvent event = events.parse("{\"type\":\"voice\",\"text\":\"are my tires ok\",\"locale\":\"en-US\"}");

		assertEquals(new InputEvent.Voice("are my tires ok", "en-US", 1.0), event);
	}

	@Test
	void refusesAnUnknownEventTypeNamingTheKnownOnes() {
		EventFormatException error = assertThrows(EventFormatException.class,
				() -> events.parse("{\"type\":\"telepathy\"}"));

		assertTrue(error.getMessage().contains("telepathy") && error.getMessage().contains("voice"),
				error.getMessage());
	}

	@Test
	void refusesMalformedJsonAndMissingFields() {
		assertThrows(EventFormatException.class, () -> events.parse("{\"type\":\"voice\", text}"));
		assertThrows(EventFormatException.class, () -> events.parse("[1, 2]"));
		EventFormatException missing = assertThrows(EventFormatException.class,
				() -> events.parse("{\"type\":\"voice\"}"));
		assertTrue(missing.getMessage().contains("\"text\""), missing.getMessage());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"type":"voice","text":5}                      | field "text" must be a string
			{"type":"voice","text":"hi","confidence":"NaN"} | field "confidence" must be a number from 0 to 1
			{"type":"voice","text":"hi","confidence":1e999} | field "confidence" must be a number from 0 to 1
			{"type":"voice","text":"hi","confidence":1.5}   | field "confidence" must be a number from 0 to 1
			{"type":"wait","ms":"10"}                      | field "ms" must be a whole number of milliseconds, 0 or more
			{"type":"wait","ms":1.5}                       | field "ms" must be a whole number of milliseconds, 0 or more
			{"type":"wait","ms":-1}                        | field "ms" must be a whole number of milliseconds, 0 or more
			{"type":"wait"}                                | missing field "ms" (a whole number of milliseconds, 0 or more)
			{"type":"gaze","zone":"Cabin.Sunroof","dwellMs":true} | field "dwellMs" must be a whole number of milliseconds, 0 or more
			{"type":"signal","path":5,"value":80}          | field "path" must be a string
			{"type":"signal","path":"Vehicle.Speed"}       | missing field "value" (a number, a string or a boolean)
			{"type":"signal","path":"Vehicle.Speed","value":[80]} | field "value" must be a number, a string or a boolean
			{"type":"touch","control":null}                | missing field "control" (a string)
			{"type":"ptt","loud":true}                     | a ptt event has no field "loud"
			{"type":"voice","text":"hi"} trailing          | text after the event's JSON object (one object per line, nothing after it)
			{"type":"ptt"} {"type":"wake"}                 | text after the event's JSON object (one object per line, nothing after it)
			""")
	void refusesWhatTheReadmeDoesNotAllowWithTheReason(String line, String reason) {
		EventFormatException error = assertThrows(EventFormatException.class, () -> events.parse(line.strip()));

		assertEquals(reason.strip(), error.getMessage());
	}

	@Test
	void refusesAFieldGivenTwice() {
		EventFormatException error = assertThrows(EventFormatException.class,
				() -> events.parse("{\"type\":\"voice\",\"text\":\"open\",\"text\":\"close\"}"));

		assertTrue(error.getMessage().startsWith("invalid JSON: Duplicate field 'text'"), error.getMessage());
	}

	@Test
	void optionalFieldsMayBeAbsentOrNullAndScalarsKeepTheirKind() throws EventFormatException {
		assertEquals(new InputEvent.Voice("hi", null, 1.0),
				events.parse("{\"type\":\"voice\",\"text\":\"hi\",\"locale\":null,\"confidence\":null}"));
		assertEquals(new InputEvent.Wait(0), events.parse("{\"type\":\"wait\",\"ms\":0}"));
		assertEquals(new InputEvent.Gaze("Cabin.Sunroof", 0L), events.parse("{\"type\":\"gaze\",\"zone\":\"Cabin.Sunroof\"}"));
		assertEquals(new InputEvent.Signal("Vehicle.IsMoving", true),
				events.parse("{\"type\":\"signal\",\"path\":\"Vehicle.IsMoving\",\"value\":true}"));
		assertEquals(new InputEvent.Signal("Vehicle.Speed", 80.0),
				events.parse("{\"type\":\"signal\",\"path\":\"Vehicle.Speed\",\"value\":80}"));
		assertEquals(new InputEvent.Wake(null), events.parse("{\"type\":\"wake\"}"));
	}
}
