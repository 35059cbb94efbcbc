package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.load.SourcePolicy;
import dev.cabin.testing.LoopbackLlm;

/**
 * An import reaches only .cabin files of its project that can be read: a URL is never fetched (nor asked whether
 * it exists), a path outside the project, a folder, a pipe, a device or a file past the size limit is never
 * opened, and each refusal is an error at the import with its own code.
 */
class ImportPolicyTest {

	private static final Duration HANG_GUARD = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private Path project() {
		return dir.resolve("project");
	}

	/* An agent that imports the given path on line 1. */
	private Checked importing(String imported) {
		return Checked.files(Checked.write(project(), "agent.cabin",
				"import \"" + imported + "\"\nagent Importer {\n\tlocales en-US\n}\n"));
	}

	private static Problem at(Checked checked, int line, String shortCode) {
		List<Problem> found = checked.result.problems().stream()
				.filter(p -> p.line() == line && p.code() != null && p.code().endsWith("." + shortCode)).toList();
		assertEquals(1, found.size(), checked.toString());
		assertEquals(Problem.Severity.ERROR, found.get(0).severity());
		return found.get(0);
	}

	@Test
	void anImportOfAUrlSendsNoRequestAndIsAnErrorAtTheImport() throws IOException {
		try (LoopbackLlm server = new LoopbackLlm()) {
			Checked checked = Checked.files(Checked.write(project(), "agent.cabin", """
					import "%s/shared.cabin"
					import "%s/other.cabin?x=1"
					agent Remote {
						locales en-US
					}
					""".formatted(server.url(), server.url().replace("http:", "https:"))));

			assertEquals(List.of(), server.received(), "no request reached the server");
			at(checked, 1, "importNotAPath");
			at(checked, 2, "importNotAPath");
			assertEquals(List.of("1:importNotAPath", "2:importNotAPath"), checked.codes(), checked.toString());
		}
	}

	@Test
	void importsOutsideTheProjectAreRefusedWhetherOrNotTheFileExists() throws IOException {
		Checked.write(dir, "outside.cabin", "agent Outside {\n\tlocales en-US\n}\n");

		for (String imported : List.of("../outside.cabin", dir.resolve("outside.cabin").toString(), "/etc/passwd",
				"file:///etc/passwd", "/etc", "../../../../../../../etc/hostname.cabin")) {
			Problem problem = at(importing(imported), 1, "importOutsideProject");
			assertTrue(problem.message().contains("outside"), problem.message());
		}
	}

	@Test
	void aLinkInsideTheProjectThatLeadsOutsideIsRefused() throws IOException {
		Path outside = Checked.write(dir, "outside.cabin", "agent Outside {\n\tlocales en-US\n}\n");
		Files.createDirectories(project());
		Files.createSymbolicLink(project().resolve("inside.cabin"), outside);

		Problem problem = at(importing("inside.cabin"), 1, "importOutsideProject");

		assertTrue(problem.message().contains("links to a file outside"), problem.message());
	}

	@Test
	void aProjectFileLetsSourcesImportFromTheFoldersItLists() {
		Checked.write(dir, "shared/helper.cabin", "agent Helper {\n\tlocales en-US\n}\n");
		Checked.write(project(), "cabin.yaml", "imports: [../shared]\n");

		assertEquals(List.of(), importing("../shared/helper.cabin").codes());
	}

	@Test
	void aListedFolderThatDoesNotExistIsAProblemOfTheProjectFile() {
		Path projectFile = Checked.write(project(), "cabin.yaml", "imports: [../missing]\n");

		Checked checked = importing("../missing/helper.cabin");

		assertTrue(checked.result.problems().stream().anyMatch(p -> p.file().equals(projectFile) && p.line() == 1
				&& p.message().equals("imports: no such folder ../missing")), checked.toString());
		at(checked, 1, "importOutsideProject");
	}

	@Test
	void aFolderOfTheProjectAboveBothMakesANeighbourImportable() {
		Checked.write(dir, "shared/helper.cabin", "agent Helper {\n\tlocales en-US\n}\n");
		Checked.write(dir, "cabin.yaml", "# one project\n");

		assertEquals(List.of(), importing("../shared/helper.cabin").codes());
	}

	@Test
	void aFileThatIsNotNamedCabinIsNotImported() {
		Checked.write(project(), "notes.txt", "agent Notes {\n\tlocales en-US\n}\n");

		at(importing("notes.txt"), 1, "notACabinFile");
		at(importing("NOTES.CABIN"), 1, "notACabinFile");
	}

	@Test
	void aFolderNamedLikeASourceIsNotOpened() throws IOException {
		Files.createDirectories(project().resolve("folder.cabin"));

		Problem problem = at(importing("folder.cabin"), 1, "notARegularFile");

		assertTrue(problem.message().contains("a directory"), problem.message());
	}

	@Test
	void aNamedPipeIsNotOpenedSoNothingBlocks() throws Exception {
		Path pipe = project().resolve("pipe.cabin");
		Files.createDirectories(project());
		assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());

		Problem problem = assertTimeoutPreemptively(HANG_GUARD, () -> at(importing("pipe.cabin"), 1, "notARegularFile"));

		assertTrue(problem.message().contains("named pipe"), problem.message());
	}

	@Test
	void aLinkToADeviceIsNotReadSinceItsTargetIsNotARegularFile() throws Exception {
		Files.createDirectories(project());
		Files.createSymbolicLink(project().resolve("zero.cabin"), Path.of("/dev/zero"));

		Problem problem = assertTimeoutPreemptively(HANG_GUARD, () -> at(importing("zero.cabin"), 1, "notARegularFile"));

		assertTrue(problem.message().contains("character device"), problem.message());
	}

	@Test
	void aFilePastTheSizeLimitIsNotReadAndTheMessageNamesTheLimit() throws IOException {
		Files.createDirectories(project());
		try (RandomAccessFile sparse = new RandomAccessFile(project().resolve("large.cabin").toFile(), "rw")) {
			sparse.setLength(SourcePolicy.DEFAULT_MAX_BYTES + 1);
		}

		Problem problem = at(importing("large.cabin"), 1, "sourceTooLarge");

		assertTrue(problem.message().contains("limit of " + SourcePolicy.DEFAULT_MAX_BYTES + " bytes"), problem.message());
		assertTrue(problem.message().contains(SourcePolicy.LIMIT_VARIABLE), problem.message());
	}

	@Test
	void aGarbageFileInsideTheProjectIsAnErrorAtTheImport() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(16).nextBytes(garbage);
		Files.createDirectories(project());
		Files.write(project().resolve("garbage.cabin"), garbage);

		Problem problem = at(importing("garbage.cabin"), 1, "importHasErrors");

		assertTrue(problem.message().contains("syntax error"), problem.message());
	}

	@Test
	void aMissingFileIsStillNotFound() {
		at(importing("missing.cabin"), 1, "importNotFound");
	}
}
