package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

/** The README's example agent is a real agent: it checks without problems, import included. */
class ReadmeExampleTest {

	@TempDir
	Path dir;

	@Test
	void theSyntaxExampleOfTheReadmeChecksClean() throws IOException {
		String readme = Files.readString(Repository.file("README.md"));
		int start = readme.indexOf("```\n", readme.indexOf("### Syntax by example")) + 4;
		String example = readme.substring(start, readme.indexOf("```\n", start));
		Checked.write(dir, "car-genius/car-genius.cabin", Files.readString(Repository.carGenius()));
		// one project holds both folders, so that the agent may import from its neighbour
		Checked.write(dir, "cabin.yaml", "# the README's agent and Car Genius\n");

		Checked checked = Checked.files(Checked.write(dir, "readme/agent.cabin", example));

		assertEquals(List.of(), checked.codes(), checked.toString());
	}
}
