package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions of tens of thousands of terms (generated, or hostile) are checked like short ones: no stack
 * overflow, every term validated, each problem at its place; the timeouts only guard against a hang.
 */
class LongConditionTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void chainsOfTwentyThousandTermsAreCheckedToTheirLastTerm() {
		String anyOf = chain(20_000, " or ", i -> "Vehicle.Speed == " + i);
		String allOf = chain(20_000, " and ", i -> "Vehicle.Speed > " + i) + " and Vehicle.Sped > 1";

		Checked checked = Checked.source(dir, agent(anyOf, allOf));

		assertEquals(List.of("11:unknownVssPath"), checked.codes(), checked.toString());
		int column = checked.result.problems().get(0).column();
		assertEquals(allOf.indexOf("Vehicle.Sped") + "\t\t\twhen ".length() + 1, column,
				"the misspelt signal after twenty thousand terms");
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void aHundredThousandTermsOfOrsAndAndsAreCheckedWithoutProblems() {
		String mixed = chain(100_000, "", i -> (i == 0 ? "" : i % 3 == 0 ? " or " : " and ")
				+ (i % 2 == 0 ? "Vehicle.Speed < " + i : "driver is Drowsy"));

		Checked checked = Checked.source(dir, agent(mixed, "not (" + mixed + ")"));

		assertEquals(List.of(), checked.codes(), checked.toString());
	}

	private static String chain(int terms, String operator, java.util.function.IntFunction<String> term) {
		return IntStream.range(0, terms).mapToObj(term).collect(Collectors.joining(operator));
	}

	/* The first condition on line 7, the second on line 11. */
	private static String agent(String first, String second) {
		return """
				agent Chains {
					locales en-US
					intent Go { en-US: "go now", "let's go", "start driving" }
					on voice Go -> flow F
					flow F {
						branch {
							when %s { say "first" }
							otherwise { say "not first" }
						}
						branch {
							when %s { say "second" }
							otherwise { say "not second" }
						}
						end
					}
				}
				""".formatted(first, second);
	}
}
