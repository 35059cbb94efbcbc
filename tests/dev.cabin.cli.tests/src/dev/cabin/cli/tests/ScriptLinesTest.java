package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cabin.car.ScriptLines;

class ScriptLinesTest {

	@Test
	void invalidUtf8IsReportedAtItsOwnLineAndTheLinesAfterItAreRead() throws IOException {
		ByteArrayOutputStream script = new ByteArrayOutputStream();
		for (int line = 1; line < 500; line++) {
			script.writeBytes("{\"type\":\"wait\",\"ms\":10}\n".getBytes(StandardCharsets.UTF_8));
		}
		script.writeBytes(new byte[] { 'o', 'k', ' ', (byte) 0xE2, (byte) 0x82, '\n' });
		script.writeBytes("是的\n".getBytes(StandardCharsets.UTF_8));

		List<ScriptLines.Line> lines = read(script.toByteArray());

		assertEquals(501, lines.size());
		assertEquals(new ScriptLines.Line(500, null, "not valid UTF-8 (byte 4 of the line)"), lines.get(499));
		assertEquals(new ScriptLines.Line(501, "是的", null), lines.get(500));
	}

	@Test
	void aLineOverTheLimitIsReportedWithTheLimitAndTheNextLineIsRead() throws IOException {
		byte[] longLine = "x".repeat(ScriptLines.MAX_LINE_BYTES + 1).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream script = new ByteArrayOutputStream();
		script.writeBytes(longLine);
		script.writeBytes("\nnext".getBytes(StandardCharsets.UTF_8));

		List<ScriptLines.Line> lines = read(script.toByteArray());

		assertEquals(new ScriptLines.Line(1, null, "the line is longer than 64 KB (65536 bytes), the limit of a script line"),
				lines.get(0));
		assertEquals(new ScriptLines.Line(2, "next", null), lines.get(1));
	}

	@Test
	void aLineExactlyAtTheLimitWithACarriageReturnIsKept() throws IOException {
		String atTheLimit = "y".repeat(ScriptLines.MAX_LINE_BYTES);

		List<ScriptLines.Line> lines = read((atTheLimit + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));

		assertEquals(List.of(new ScriptLines.Line(1, atTheLimit, null), new ScriptLines.Line(2, "", null)), lines);
	}

	private static List<ScriptLines.Line> read(byte[] script) throws IOException {
		List<ScriptLines.Line> lines = new ArrayList<>();
		try (ScriptLines reader = new ScriptLines(new ByteArrayInputStream(script))) {
			for (ScriptLines.Line line = reader.next(); line != null; line = reader.next()) {
				lines.add(line);
			}
			assertNull(reader.next());
		}
		return lines;
	}
}
