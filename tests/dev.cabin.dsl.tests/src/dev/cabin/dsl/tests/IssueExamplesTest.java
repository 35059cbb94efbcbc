package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.testing.Repository;

/**
 * Every issue code has a small failing example in {@code tests/dev.cabin.dsl.tests/issues}: a file
 * {@code CODE.cabin} (or a folder {@code CODE/}) whose lines say {@code expect: CODE} where the problem must be
 * reported. A folder's own files are the sources; its subfolders hold what they import. The example must produce exactly those Cabin problems, at exactly those lines.
 */
class IssueExamplesTest {

	private static final Pattern EXPECT = Pattern.compile("expect: ([\\w, ]+)");

	/* Examples of problems with the text itself, which the parser then also complains about. */
	private static final Set<String> SYNTAX_EXAMPLES = Set.of("notUtf8", "nestingTooDeep");

	/*
	 * A file past the source size limit (16 MiB) does not belong in git: CabinSourcesTest makes one (sparse, it
	 * takes no disk) and checks it is refused, as a source and as an import, with this code.
	 */
	private static final Set<String> EXAMPLES_MADE_BY_TESTS = Set.of("sourceTooLarge");

	static Stream<String> codes() {
		return CabinIssueCodes.all().stream().map(CabinIssueCodes::shortCode)
				.filter(code -> !EXAMPLES_MADE_BY_TESTS.contains(code));
	}

	static Path issues() {
		return Repository.file("tests/dev.cabin.dsl.tests/issues");
	}

	@ParameterizedTest
	@MethodSource("codes")
	void eachCodeIsReportedAtTheLinesItsExampleExpects(String code) throws IOException {
		Path example = issues().resolve(code + ".cabin");
		Path folder = issues().resolve(code);
		assertTrue(Files.exists(example) || Files.isDirectory(folder), "no example for " + code);
		List<Path> files = Files.exists(example) ? List.of(example) : list(folder);

		LoadResult result = CabinSources.standalone()
				.load(files.stream().filter(f -> f.toString().endsWith(".cabin")).toList());

		Set<String> expected = new TreeSet<>();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
			for (int i = 0; i < lines.size(); i++) {
				Matcher matcher = EXPECT.matcher(lines.get(i));
				if (matcher.find()) {
					for (String expectedCode : matcher.group(1).split(",")) {
						expected.add(file.getFileName() + ":" + (i + 1) + ": " + expectedCode.strip());
					}
				}
			}
		}
		Set<String> actual = new TreeSet<>();
		for (Problem problem : result.problems()) {
			String shortCode = CabinIssueCodes.shortCode(problem.code());
			if (shortCode != null) {
				actual.add(problem.file().getFileName() + ":" + problem.line() + ": " + shortCode);
			}
		}
		assertTrue(expected.stream().anyMatch(e -> e.endsWith(": " + code)), "the example expects no " + code);
		if (!SYNTAX_EXAMPLES.contains(code)) {
			List<Problem> syntax = result.problems().stream()
					.filter(p -> CabinIssueCodes.shortCode(p.code()) == null).toList();
			assertEquals(List.of(), syntax, "the example has no other mistakes");
		}
		assertEquals(expected, actual, () -> String.join("\n", result.problems().stream().map(Problem::format).toList()));
	}

	/* The example's files; its subfolders hold what it imports (or a folder it imports), not sources. */
	private static List<Path> list(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}
}
