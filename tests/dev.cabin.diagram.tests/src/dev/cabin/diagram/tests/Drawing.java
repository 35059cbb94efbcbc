package dev.cabin.diagram.tests;

import java.nio.file.Path;
import java.util.List;

import dev.cabin.diagram.graph.CabinDiagramBuilder;
import dev.cabin.diagram.graph.DiagramFilterException;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.layout.DiagramLayouter;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.SvgRenderer;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;

/**
 * Draws agents as the command line does; also runs as a program, so that a test can draw in a second JVM and
 * compare the bytes.
 */
public final class Drawing {

	private Drawing() {
	}

	/** Prints the SVG of the files to standard output. */
	public static void main(String[] files) throws Exception {
		LoadResult loaded = CabinSources.standalone().load(List.of(files).stream().map(Path::of).toList());
		System.out.write(svg(loaded, DiagramOptions.ALL, Highlight.NONE).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		System.out.flush();
	}

	static DiagramGraph graph(LoadResult loaded, DiagramOptions options) throws DiagramFilterException {
		return CabinDiagramBuilder.build(loaded.files(), options, resource -> resource.getURI().lastSegment());
	}

	static LaidOutDiagram layout(LoadResult loaded, DiagramOptions options) throws DiagramFilterException {
		return DiagramLayouter.layout(graph(loaded, options));
	}

	static String svg(LoadResult loaded) throws DiagramFilterException {
		return svg(loaded, DiagramOptions.ALL, Highlight.NONE);
	}

	static String svg(LoadResult loaded, DiagramOptions options, Highlight highlight) throws DiagramFilterException {
		return SvgRenderer.render(layout(loaded, options), highlight, "test");
	}
}
