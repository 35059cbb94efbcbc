package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.cabin.language.TerminalText;

class TerminalTextTest {

	@Test
	void aNameWithANewlineStaysOnOneLineAndCannotForgeADiagnostic() {
		assertEquals("a.cabin\\n/etc/b.cabin:1:1: error: forged",
				TerminalText.escaped("a.cabin\n/etc/b.cabin:1:1: error: forged"));
	}

	@Test
	void escapeSequencesAndOtherControlsInANameAreWrittenVisibly() {
		assertEquals("\\u001b[31mred\\u001b[0m\\r\\t\\u0007\\u009b\\u007f", TerminalText.escaped("\u001b[31mred\u001b[0m\r\t\u0007\u009b\u007f"));
		assertEquals("abc\\u202etxt.cabin", TerminalText.escaped("abc\u202etxt.cabin"), "a right-to-left override");
	}

	@Test
	void ordinaryNamesAreUnchanged() {
		assertEquals("examples/car-genius/car-genius.cabin", TerminalText.escaped("examples/car-genius/car-genius.cabin"));
		assertEquals("座舱/助手.cabin", TerminalText.escaped("座舱/助手.cabin"));
	}

	@Test
	void aReplyKeepsItsLinesButLosesEscapeSequences() {
		assertEquals("[2J[31mHello\n\tworld", TerminalText.printable("\u001b[2J\u001b[31mHello\r\n\tworld\u0007"));
		assertEquals("先用红线连接两车正极。", TerminalText.printable("先用红线连接两车正极。"));
	}
}
