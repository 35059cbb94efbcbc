package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

class CheckCommandTest {

	@TempDir
	Path dir;

	@Test
	void theExampleChecksClean() {
		CabinCommand check = CabinCommand.run("check",
				Repository.carGenius().toString());

		assertEquals(0, check.exitCode, check.toString());
		assertEquals("", check.out);
		assertTrue(check.err.contains("1 file checked: 0 errors, 0 warnings"), check.err);
	}

	@Test
	void aSyntaxErrorExitsOneWithPathLineAndColumnAndNoStackTrace() throws IOException {
		Path file = dir.resolve("broken.cabin");
		Files.writeString(file, "agent Broken {\n\tflow F {\n\t\tsay en-US\n\t}\n}\n");

		CabinCommand check = CabinCommand.run("check", file.toString());

		assertEquals(1, check.exitCode, check.toString());
		assertTrue(check.out.contains(file + ":4:2: error: "), check.out);
		assertFalse(check.printedAStackTrace(), check.toString());
	}

	@Test
	void aDirectoryIsSearchedForCabinFiles() throws IOException {
		Files.createDirectories(dir.resolve("nested"));
		Files.writeString(dir.resolve("nested/ok.cabin"), "agent Ok { locales en-US }\n");
		Files.writeString(dir.resolve("notes.txt"), "not an agent");

		CabinCommand check = CabinCommand.run("check", dir.toString());

		assertEquals(0, check.exitCode, check.toString());
		assertTrue(check.err.contains("1 file checked"), check.err);
	}

	@Test
	void badUsageExitsTwo() {
		assertEquals(2, CabinCommand.run().exitCode);
		assertEquals(2, CabinCommand.run("check").exitCode);
		assertEquals(2, CabinCommand.run("frobnicate").exitCode);
		CabinCommand missing = CabinCommand.run("check", dir.resolve("missing.cabin").toString());
		assertEquals(2, missing.exitCode);
		assertTrue(missing.err.contains("no such file"), missing.err);
		CabinCommand unknownOption = CabinCommand.run("check", "--colour", "red", dir.toString());
		assertEquals(2, unknownOption.exitCode);
		assertTrue(unknownOption.err.contains("unknown option --colour"), unknownOption.err);
	}
}
