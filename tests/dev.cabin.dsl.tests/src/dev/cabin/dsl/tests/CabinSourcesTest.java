package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.testing.Repository;

class CabinSourcesTest {

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
