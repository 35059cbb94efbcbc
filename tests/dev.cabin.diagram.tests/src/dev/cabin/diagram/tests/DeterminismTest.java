package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.PngRenderer;
import dev.cabin.diagram.tests.AgentSets.AgentSet;

/** The same model gives the same bytes: in one process, and in another Java process. */
class DeterminismTest {

	@Test
	void drawingTheSameAgentsAgainGivesTheSameSvgAndPng() throws Exception {
		for (AgentSet set : AgentSets.all()) {
			assertEquals(Drawing.svg(AgentSets.load(set)), Drawing.svg(AgentSets.load(set)), set.name());
			assertArrayEquals(png(set), png(set), set.name());
		}
	}

	/*
	 * Hash orders of Set.of and Map.of change from one JVM to the next (and identity hash codes always do), so
	 * only a second process shows that nothing depends on them.
	 */
	@Test
	void anotherJavaProcessDrawsTheSameSvg() throws Exception {
		AgentSet set = AgentSets.testAgents();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath(), Drawing.class.getName()));
		set.files().forEach(file -> command.add(file.toString()));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		byte[] output;
		try (InputStream out = process.getInputStream()) {
			output = out.readAllBytes();
		}
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the second process did not finish");
		}
		assertEquals(0, process.exitValue(), "drawing in another process failed (its errors are in the log)");
		assertEquals(Drawing.svg(AgentSets.load(set)), new String(output, StandardCharsets.UTF_8));
	}

	private static byte[] png(AgentSet set) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PngRenderer.render(Drawing.layout(AgentSets.load(set), DiagramOptions.ALL), Highlight.NONE, out);
		return out.toByteArray();
	}

	/** The jars and class folders of the bundles of this test run, as a plain class path. */
	private static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		Path installArea = Path.of(System.getProperty("osgi.install.area").replaceFirst("^file:", ""));
		for (Bundle bundle : FrameworkUtil.getBundle(DeterminismTest.class).getBundleContext().getBundles()) {
			String location = bundle.getLocation();
			int file = location.indexOf("file:");
			if (file < 0) {
				continue;
			}
			// Equinox's reference:file: locations are plain paths, absolute or relative to its install area;
			// the bundles of this build run from their project folders, with their classes in target/classes
			Path path = installArea.resolve(location.substring(file + "file:".length())).normalize();
			if (Files.isRegularFile(path)) {
				entries.add(path.toString());
			} else if (Files.isDirectory(path.resolve("target/classes"))) {
				entries.add(path.resolve("target/classes").toString());
			}
		}
		return String.join(File.pathSeparator, entries);
	}
}
