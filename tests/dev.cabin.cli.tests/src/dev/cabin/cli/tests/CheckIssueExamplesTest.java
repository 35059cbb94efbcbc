package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cabin.testing.Repository;

/**
 * {@code cabin check} on the failing example of every issue code: each problem the examples expect is printed at
 * its file and line, with its code, and the command fails.
 */
class CheckIssueExamplesTest {

	private static final Pattern EXPECT = Pattern.compile("expect: ([\\w, ]+)");

	@Test
	void everyExpectedProblemIsPrintedAtItsLineWithItsCode() throws IOException {
		Path issues = Repository.file("tests/dev.cabin.dsl.tests/issues");

		CabinCommand check = CabinCommand.run("check", issues.toString());

		assertEquals(1, check.exitCode, check.toString());
		assertFalse(check.printedAStackTrace(), check.toString());
		List<Path> files;
		try (Stream<Path> walk = Files.walk(issues)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		int expectations = 0;
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
			for (int i = 0; i < lines.size(); i++) {
				Matcher matcher = EXPECT.matcher(lines.get(i));
				if (matcher.find()) {
					for (String code : matcher.group(1).split(",")) {
						String printed = file.getFileName() + ":" + (i + 1) + ":";
						boolean found = check.out.lines().anyMatch(l -> l.contains(printed) && l.endsWith("[" + code.strip() + "]"));
						assertTrue(found, printed + " " + code + " in\n" + check.out);
						expectations++;
					}
				}
			}
		}
		assertTrue(expectations >= 36, "examples of every code: " + expectations);
	}
}
