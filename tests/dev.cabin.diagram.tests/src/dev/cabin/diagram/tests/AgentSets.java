package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.testing.Repository;

/**
 * The agents the diagram tests draw: every example under {@code examples/} (the .cabin files of one folder
 * load together) and this bundle's own agents, which use every construct of the language.
 */
final class AgentSets {

	record AgentSet(String name, List<Path> files) {
		@Override
		public String toString() {
			return name;
		}
	}

	private AgentSets() {
	}

	static List<AgentSet> all() {
		List<AgentSet> sets = new ArrayList<>();
		try (Stream<Path> examples = Files.list(Repository.file("examples"))) {
			for (Path folder : examples.filter(Files::isDirectory).sorted().toList()) {
				List<Path> files = cabinFiles(folder);
				if (!files.isEmpty()) {
					sets.add(new AgentSet("examples/" + folder.getFileName(), files));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		sets.add(testAgents());
		return sets;
	}

	/** cockpit.cabin and valet.cabin: two files whose agents hand off to each other. */
	static AgentSet testAgents() {
		return new AgentSet("test agents", cabinFiles(Repository.file("tests/dev.cabin.diagram.tests/agents")));
	}

	static LoadResult load(AgentSet set) {
		LoadResult result = CabinSources.standalone().load(set.files());
		assertFalse(result.hasErrors(), () -> set + " has errors: " + result.problems());
		return result;
	}

	private static List<Path> cabinFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".cabin")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
