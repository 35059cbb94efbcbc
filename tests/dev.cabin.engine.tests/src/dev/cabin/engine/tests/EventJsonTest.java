package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
