package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.load.SourcePolicy;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.testing.Repository;

class CabinSourcesTest {

	private static final Duration HANG_GUARD = Duration.ofSeconds(60);

	private final CabinSources sources = CabinSources.standalone();

	@TempDir
	Path dir;

	@Test
	void theExamplesLoadWithoutProblems() throws IOException {
		List<Path> examples;
		try (java.util.stream.Stream<Path> files = Files.walk(Repository.file("examples"))) {
			examples = files.filter(p -> p.toString().endsWith(".cabin")).sorted().toList();
		}

		LoadResult result = sources.load(examples);

		assertEquals(List.of(), result.problems());
		assertEquals(4, examples.size(), examples.toString());
		Agent agent = sources.load(List.of(Repository.carGenius())).files().get(0).getAgents().get(0);
		assertEquals("CarGenius", agent.getName());
		assertEquals(List.of("en-US", "zh-CN"), agent.getLocales());
		assertTrue(agent.getIntents().stream().map(i -> i.getName()).toList()
				.containsAll(List.of("TirePressure", "OilChange", "WarningLight", "JumpStart")));
	}

	@Test
	void aSyntaxErrorIsReportedAtItsLineAndColumn() throws IOException {
		Path file = write("broken.cabin", """
				agent Broken {
					intent Hello {
						en-US: "hello" "there"
					}
				}
				""");

		LoadResult result = sources.load(List.of(file));

		assertTrue(result.hasErrors());
		Problem problem = only(result.problems(), Diagnostic.SYNTAX_DIAGNOSTIC);
		assertEquals(3, problem.line());
		assertEquals(18, problem.column(), "the second string, where a comma was expected");
		assertEquals(Diagnostic.SYNTAX_DIAGNOSTIC, problem.code());
		assertTrue(problem.format().startsWith(file + ":3:18: error: "), problem.format());
	}

	@Test
	void aReferenceToAnUndeclaredFlowIsAnErrorAtTheReference() throws IOException {
		Path file = write("dangling.cabin", """
				agent Dangling {
					intent Hello { en-US: "hello" }
					on voice Hello -> flow Greet
				}
				""");

		LoadResult result = sources.load(List.of(file));

		Problem problem = only(result.problems(), Diagnostic.LINKING_DIAGNOSTIC);
		assertEquals(3, problem.line());
		assertEquals(25, problem.column());
	}

	@Test
	void bytesThatAreNotUtf8AreReportedWhereTheyStand() throws IOException {
		byte[] latin1 = "agent Caf\u00e9 {\n}\n".getBytes(StandardCharsets.ISO_8859_1);
		Path file = dir.resolve("latin1.cabin");
		Files.write(file, latin1);

		LoadResult result = sources.load(List.of(file));

		Problem problem = result.problems().stream().filter(p -> CabinSources.NOT_UTF8.equals(p.code()))
				.findFirst().orElseThrow();
		assertEquals(1, problem.line());
		assertEquals(10, problem.column());
		assertEquals(Problem.Severity.ERROR, problem.severity());
	}

	@Test
	void binaryGarbageGivesDiagnosticsNotExceptions() throws IOException {
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		Path file = dir.resolve("garbage.cabin");
		Files.write(file, garbage);

		LoadResult result = sources.load(List.of(file));

		assertTrue(result.hasErrors());
		assertFalse(result.problems().isEmpty());
		assertTrue(result.problems().stream().allMatch(p -> p.line() >= 1 && p.column() >= 1));
	}

	@Test
	void anEditorDocumentIsCheckedFromMemory() {
		List<Problem> problems = sources.check(Path.of("memory.cabin"), "agent A {\n  flow F { say }\n}\n");

		assertEquals(2, only(problems, Diagnostic.SYNTAX_DIAGNOSTIC).line());
	}

	@Test
	void aFileThatIsNotNamedCabinIsReportedAtItsFirstLineAndNotRead() throws IOException {
		for (String name : List.of("passwd", "X.CABIN", "x.cabin.txt")) {
			Path file = write(name, "root:x:0:0:root:/root:/bin/bash\n");

			LoadResult result = sources.load(List.of(file));

			Problem problem = only(result.problems(), CabinIssueCodes.NOT_A_CABIN_FILE);
			assertEquals(1, problem.line());
			assertTrue(problem.format().startsWith(file + ":1:1: error: cannot read this file: its name does not end in .cabin"),
					problem.format());
			assertEquals(1, result.problems().size(), result.problems().toString());
		}
		Problem inMemory = only(sources.check(Path.of("notes.txt"), "agent A {}"), CabinIssueCodes.NOT_A_CABIN_FILE);
		assertEquals(1, inMemory.line());
	}

	@Test
	void aFolderNamedLikeASourceIsReportedNotOpened() throws IOException {
		Path folder = Files.createDirectories(dir.resolve("a.cabin"));

		Problem problem = only(sources.load(List.of(folder)).problems(), CabinIssueCodes.NOT_A_REGULAR_FILE);

		assertTrue(problem.message().contains("a directory, not a regular file"), problem.message());
	}

	@Test
	void aNamedPipeIsReportedWithoutOpeningIt() throws Exception {
		Path pipe = dir.resolve("pipe.cabin");
		assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());

		LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> sources.load(List.of(pipe)));

		Problem problem = only(result.problems(), CabinIssueCodes.NOT_A_REGULAR_FILE);
		assertTrue(problem.message().contains("a named pipe (FIFO), not a regular file"), problem.message());
	}

	@Test
	void aLinkToDevZeroIsReportedWithoutReadingIt() throws Exception {
		Path zero = Files.createSymbolicLink(dir.resolve("z.cabin"), Path.of("/dev/zero"));

		LoadResult result = assertTimeoutPreemptively(HANG_GUARD, () -> sources.load(List.of(zero)));

		Problem problem = only(result.problems(), CabinIssueCodes.NOT_A_REGULAR_FILE);
		assertTrue(problem.message().contains("a character device"), problem.message());
	}

	@Test
	void aFilePastTheSizeLimitIsReportedWithTheLimitAndHowToRaiseIt() throws IOException {
		Path large = dir.resolve("large.cabin");
		try (RandomAccessFile sparse = new RandomAccessFile(large.toFile(), "rw")) {
			sparse.setLength(SourcePolicy.DEFAULT_MAX_BYTES + 1);
		}

		Problem problem = only(sources.load(List.of(large)).problems(), CabinIssueCodes.SOURCE_TOO_LARGE);

		assertEquals("cannot read this file: it is 16777217 bytes, over the limit of 16777216 bytes for a source file"
				+ " (CABIN_MAX_SOURCE_BYTES or -Dcabin.maxSourceBytes raises it)", problem.message());
	}

	@Test
	void aSmallerLimitRefusesWhatTheDefaultReads() throws IOException {
		Path file = write("small.cabin", "agent Small {\n\tlocales en-US\n}\n");
		SourcePolicy policy = SourcePolicy.withMaxBytes(10);

		assertEquals(CabinIssueCodes.SOURCE_TOO_LARGE, policy.checkSource(file).code());
		assertEquals(null, SourcePolicy.standard().checkSource(file));
	}

	/** The one problem with the code; failing when there is none or more than one. */
	static Problem only(List<Problem> problems, String code) {
		List<Problem> withCode = problems.stream().filter(p -> code.equals(p.code())).toList();
		assertEquals(1, withCode.size(), problems.toString());
		return withCode.get(0);
	}

	private Path write(String name, String content) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, content);
		return file;
	}
}
