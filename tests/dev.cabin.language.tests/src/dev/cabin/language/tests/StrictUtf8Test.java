package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.cabin.language.StrictUtf8;

class StrictUtf8Test {

	@Test
	void utf8TextIsReadAsWritten() {
		StrictUtf8.Decoded decoded = StrictUtf8.decode("打开天窗\nopen the sunroof".getBytes(StandardCharsets.UTF_8));

		assertTrue(decoded.valid());
		assertEquals("打开天窗\nopen the sunroof", decoded.text());
	}

	@Test
	void aLatin1ByteIsRefusedAtItsLineAndColumnNotReplaced() {
		byte[] latin1 = "agent A {\n\tsay \"caf\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1);

		StrictUtf8.Decoded decoded = StrictUtf8.decode(latin1);

		assertFalse(decoded.valid());
		assertNull(decoded.text());
		assertEquals(19, decoded.badByte());
		assertEquals(2, decoded.line());
		assertEquals(10, decoded.column());
	}

	@Test
	void columnsCountCharactersNotBytes() {
		byte[] bytes = "天窗\u00ff".getBytes(StandardCharsets.UTF_8);
		bytes[6] = (byte) 0xff;

		StrictUtf8.Decoded decoded = StrictUtf8.decode(bytes);

		assertEquals(6, decoded.badByte());
		assertEquals(3, decoded.column());
		assertEquals(2, decoded.charOffset());
	}

	@Test
	void aSequenceCutOffAtTheEndIsRefused() {
		byte[] cut = { 'o', 'k', (byte) 0xe5, (byte) 0xa4 };

		assertFalse(StrictUtf8.decode(cut).valid());
		assertTrue(StrictUtf8.decode(cut, 2).valid(), "only the first two bytes asked for");
	}
}
