package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.testing.Repository;

/**
 * Whatever the bytes, loading gives diagnostics with a line and a column, never an exception: randomly damaged
 * examples, a very large file, binary garbage, absurd nesting, other encodings.
 */
class BadInputTest {

	/** How many damaged variants of the examples are checked; the seed makes every run check the same ones. */
	private static final int MUTATIONS = 3000;
	private static final long SEED = 20261129L;

	private final CabinSources sources = CabinSources.standalone();

	@TempDir
	Path dir;

	@Test
	void randomlyDamagedExamplesNeverMakeParsingOrValidationThrow() throws IOException {
		Path examples = dir.resolve("examples");
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(Repository.file("examples"))) {
			for (Path source : walk.filter(Files::isRegularFile).toList()) {
				Path copy = examples.resolve(Repository.file("examples").relativize(source).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(source, copy);
				if (copy.toString().endsWith(".cabin")) {
					files.add(copy);
				}
			}
		}
		Random random = new Random(SEED);
		int withProblems = 0;
		for (int i = 0; i < MUTATIONS; i++) {
			Path file = files.get(random.nextInt(files.size()));
			byte[] original = Files.readAllBytes(file);
			byte[] damaged = damage(original, random);
			Files.write(file, damaged);
			try {
				LoadResult result = sources.load(List.of(file));
				assertLocated(result.problems(), damaged, "mutation " + i + " of " + file.getFileName());
				withProblems += result.problems().isEmpty() ? 0 : 1;
			} finally {
				Files.write(file, original);
			}
		}
		assertTrue(withProblems > MUTATIONS / 2, "most damage is noticed: " + withProblems);
	}

	/* One to three deletions, duplications or bit flips, on bytes (so that UTF-8 breaks too). */
	private static byte[] damage(byte[] bytes, Random random) {
		byte[] result = bytes;
		int edits = 1 + random.nextInt(3);
		for (int e = 0; e < edits && result.length > 2; e++) {
			int at = random.nextInt(result.length);
			int length = Math.min(result.length - at, 1 + random.nextInt(40));
			switch (random.nextInt(3)) {
			case 0 -> {
				byte[] shorter = new byte[result.length - length];
				System.arraycopy(result, 0, shorter, 0, at);
				System.arraycopy(result, at + length, shorter, at, result.length - at - length);
				result = shorter;
			}
			case 1 -> {
				int to = random.nextInt(result.length);
				byte[] longer = new byte[result.length + length];
				System.arraycopy(result, 0, longer, 0, to);
				System.arraycopy(result, at, longer, to, length);
				System.arraycopy(result, to, longer, to + length, result.length - to);
				result = longer;
			}
			default -> {
				result = result.clone();
				result[at] ^= (byte) (1 << random.nextInt(8));
			}
			}
		}
		return result;
	}

	private static void assertLocated(List<Problem> problems, byte[] content, String what) {
		// the parser counts \n, \r\n and a lone \r as line breaks
		long lines = 1;
		for (int i = 0; i < content.length; i++) {
			lines += content[i] == '\n' || (content[i] == '\r' && (i + 1 == content.length || content[i + 1] != '\n')) ? 1 : 0;
		}
		for (Problem problem : problems) {
			assertTrue(problem.line() >= 1 && problem.line() <= lines + 1 && problem.column() >= 1,
					what + ": " + problem.format());
		}
	}

	@Test
	void aTenMegabyteFileGetsItsDiagnosticsWithLines() throws IOException {
		StringBuilder text = new StringBuilder("agent Huge {\n\tlocales en-US\n");
		int intent = 0;
		while (text.length() < 10 * 1024 * 1024) {
			text.append("\tintent I").append(intent).append(" {\n\t\ten-US: \"say number ").append(intent)
					.append(" please\", \"number ").append(intent).append(" now\", \"give me ").append(intent)
					.append("\"\n\t}\n\ton voice I").append(intent).append(" -> flow F\n");
			intent++;
		}
		text.append("\tflow F {\n\t\tsay \"Done.\"\n\t\tend\n\t}\n\tflow G { say }\n}\n");
		Path file = dir.resolve("huge.cabin");
		Files.writeString(file, text);
		long lines = text.chars().filter(c -> c == '\n').count();

		LoadResult result = sources.load(List.of(file));

		Problem syntax = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst()
				.orElseThrow();
		assertEquals(lines - 1, syntax.line(), syntax.format());
		assertEquals(15, syntax.column(), "at the closing brace of the empty say: " + syntax.format());
	}

	@Test
	void megabytesOfBinaryGarbageGetDiagnostics() throws IOException {
		byte[] garbage = new byte[1024 * 1024];
		new Random(SEED).nextBytes(garbage);
		Path file = dir.resolve("garbage.cabin");
		Files.write(file, garbage);

		LoadResult result = sources.load(List.of(file));

		assertTrue(result.hasErrors());
		assertLocated(result.problems(), garbage, "garbage");
		assertTrue(result.problems().stream().anyMatch(p -> CabinIssueCodes.NOT_UTF8.equals(p.code())));
	}

	@Test
	void absurdNestingIsRefusedWithALocationInsteadOfOverflowingTheStack() throws IOException {
		String parentheses = "(".repeat(20_000) + "1" + ")".repeat(20_000);
		String nots = "not ".repeat(20_000) + "driver is Drowsy";
		String blocks = "branch { when driver is Drowsy { ".repeat(5_000) + "end" + " } }".repeat(5_000);
		Path file = dir.resolve("deep.cabin");
		Files.writeString(file, "agent Deep {\n\tlocales en-US\n\tpolicy a when Vehicle.Speed > " + parentheses
				+ " { max words 5 }\n\tpolicy b when " + nots + " { max words 5 }\n\tflow F {\n\t\t" + blocks
				+ "\n\t}\n}\n");

		LoadResult result = sources.load(List.of(file));

		List<Problem> deep = result.problems().stream()
				.filter(p -> CabinIssueCodes.NESTING_TOO_DEEP.equals(p.code())).toList();
		assertEquals(1, deep.size(), result.problems().toString());
		assertEquals(3, deep.get(0).line());
		assertEquals(31 + 100, deep.get(0).column(), "the first parenthesis deeper than 100 levels");
	}

	@Test
	void deepNestingFurtherDownIsFoundToo() throws IOException {
		Path file = dir.resolve("deeper.cabin");
		Files.writeString(file, "agent Deep {\n\tlocales en-US\n\tpolicy b when " + "not ".repeat(5_000)
				+ "driver is Drowsy { max words 5 }\n}\n");

		LoadResult result = sources.load(List.of(file));

		assertTrue(result.problems().stream().anyMatch(p -> CabinIssueCodes.NESTING_TOO_DEEP.equals(p.code())
				&& p.line() == 3), result.problems().toString());
	}

	@Test
	void aFileInAnotherEncodingIsReportedAsNotUtf8() throws IOException {
		Path file = dir.resolve("utf16.cabin");
		Files.write(file, "agent Wide {\n\tlocales zh-CN\n}\n".getBytes(StandardCharsets.UTF_16));

		LoadResult result = sources.load(List.of(file));

		Problem problem = result.problems().stream().filter(p -> CabinIssueCodes.NOT_UTF8.equals(p.code()))
				.findFirst().orElseThrow();
		assertEquals(1, problem.line());
		assertEquals(1, problem.column());
		assertFalse(result.problems().isEmpty());
	}
}
