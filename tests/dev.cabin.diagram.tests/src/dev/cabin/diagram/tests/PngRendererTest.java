package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.DiagramStyle;
import dev.cabin.diagram.render.PngRenderer;
import dev.cabin.diagram.render.Rgb;

/** The PNG export draws the laid-out diagram at twice its size. */
class PngRendererTest {

	@Test
	void theImageShowsTheBoxesWhereTheLayoutPutThem() throws Exception {
		LaidOutDiagram diagram = Drawing.layout(AgentSets.load(AgentSets.testAgents()), DiagramOptions.ALL);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PngRenderer.render(diagram, Highlight.NONE, out);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
		assertEquals(Math.ceil(diagram.width() * 2), image.getWidth());
		assertEquals(Math.ceil(diagram.height() * 2), image.getHeight());
		String end = diagram.graph().nodes().stream().filter(node -> node.kind().cssName().equals("end")).findFirst()
				.orElseThrow().id();
		Box box = diagram.box(end);
		// the left part of an "end" pill, away from its text, is filled with the end colour
		int x = (int) Math.round((box.x() + box.height() / 2) * 2);
		int y = (int) Math.round((box.y() + box.height() / 2) * 2);
		assertEquals(rgb(DiagramStyle.of(dev.cabin.diagram.graph.NodeKind.END)), image.getRGB(x, y) & 0xFFFFFF);
		assertEquals(rgb(DiagramStyle.BACKGROUND), image.getRGB(1, 1) & 0xFFFFFF);
	}

	private static int rgb(Rgb color) {
		return color.red() << 16 | color.green() << 8 | color.blue();
	}
}
