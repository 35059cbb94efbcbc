package dev.cabin.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.testing.Repository;

class DiagramCommandTest {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	@TempDir
	Path dir;

	@Test
	void theExampleIsDrawnAsSvgAndPngWithSourcesAsTheUserNamedThem() throws IOException {
		String example = Repository.carGenius().toString();
		Path svg = dir.resolve("car-genius.svg");
		Path png = dir.resolve("car-genius.png");

		CabinCommand diagram = CabinCommand.run("diagram", example, "--svg", svg.toString(), "--png", png.toString());

		assertEquals(0, diagram.exitCode, diagram.toString());
		String text = Files.readString(svg);
		assertTrue(text.contains("id=\"CarGenius.flow.CheckTires.step.0\""), "the SVG shows the steps");
		assertTrue(text.contains("data-source=\"" + example + ":"), "ranges name the file as given");
		assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length));
		assertTrue(diagram.err.contains("wrote " + svg), diagram.err);
	}

	@Test
	void oneFlowOfOneAgent() throws IOException {
		Path svg = dir.resolve("tires.svg");

		CabinCommand diagram = CabinCommand.run("diagram", Repository.carGenius().toString(), "--agent", "CarGenius",
				"--flow", "CheckTires", "--svg", svg.toString());

		assertEquals(0, diagram.exitCode, diagram.toString());
		String text = Files.readString(svg);
		assertTrue(text.contains("id=\"CarGenius.flow.CheckTires\""));
		assertFalse(text.contains("id=\"CarGenius.flow.OilService\""), "other flows are left out");
	}

	@Test
	void badUsageExitsTwoAndSaysWhatIsThere() {
		String example = Repository.carGenius().toString();
		String svg = dir.resolve("out.svg").toString();

		CabinCommand noOutput = CabinCommand.run("diagram", example);
		assertEquals(2, noOutput.exitCode);
		assertTrue(noOutput.err.contains("--svg OUT.svg"), noOutput.err);
		CabinCommand unknownAgent = CabinCommand.run("diagram", example, "--agent", "Butler", "--svg", svg);
		assertEquals(2, unknownAgent.exitCode);
		assertTrue(unknownAgent.err.contains("no agent named Butler; the agents are CarGenius"), unknownAgent.err);
		CabinCommand unknownFlow = CabinCommand.run("diagram", example, "--flow", "Nope", "--svg", svg);
		assertEquals(2, unknownFlow.exitCode);
		assertTrue(unknownFlow.err.contains("no flow named Nope; the flows are CheckTires, OilService"), unknownFlow.err);
		assertFalse(Files.exists(Path.of(svg)));
	}

	@Test
	void anAgentWithErrorsIsNotDrawnAndItsErrorsArePrinted() throws IOException {
		Path broken = dir.resolve("broken.cabin");
		Files.writeString(broken, "agent Broken {\n\ton voice Missing -> flow Nowhere\n}\n");
		Path svg = dir.resolve("broken.svg");

		CabinCommand diagram = CabinCommand.run("diagram", broken.toString(), "--svg", svg.toString());

		assertEquals(1, diagram.exitCode, diagram.toString());
		assertTrue(diagram.err.contains(broken + ":2:11: error: "), diagram.err);
		assertFalse(diagram.printedAStackTrace(), diagram.toString());
		assertFalse(Files.exists(svg));
	}
}
