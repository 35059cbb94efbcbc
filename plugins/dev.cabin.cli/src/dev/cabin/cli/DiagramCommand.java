package dev.cabin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;

import dev.cabin.car.Arguments;
import dev.cabin.car.Command;
import dev.cabin.car.Terminal;
import dev.cabin.car.UsageException;
import dev.cabin.diagram.graph.CabinDiagramBuilder;
import dev.cabin.diagram.graph.DiagramFilterException;
import dev.cabin.diagram.graph.DiagramGraph;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.layout.DiagramLayouter;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.PngRenderer;
import dev.cabin.diagram.render.SvgRenderer;
import dev.cabin.dsl.load.LoadResult;

/** {@code cabin diagram FILE... [--agent ID] [--flow NAME] --svg OUT.svg [--png OUT.png]}: flow diagrams for reviews. */
final class DiagramCommand implements Command {

	@Override
	public int run(Arguments arguments, Terminal terminal) throws UsageException {
		String agent = arguments.option("--agent");
		String flow = arguments.option("--flow");
		String svg = arguments.option("--svg");
		String png = arguments.option("--png");
		arguments.rejectUnknown();
		if (svg == null && png == null) {
			throw new UsageException("name the output with --svg OUT.svg, --png OUT.png or both");
		}
		List<Path> files = SourceFiles.expand(arguments.positional());
		LoadResult loaded = Toolchain.loadWithoutErrors(files, terminal);
		if (loaded == null) {
			return Main.FAILED;
		}
		LaidOutDiagram diagram;
		try {
			DiagramGraph graph = CabinDiagramBuilder.build(loaded.files(), new DiagramOptions(agent, flow, Set.of()),
					namesAsGiven(files));
			diagram = DiagramLayouter.layout(graph);
		} catch (DiagramFilterException e) {
			throw new UsageException(e.getMessage());
		}
		String title = "Flows of " + String.join(", ", files.stream().map(Path::toString).toList())
				+ (agent == null ? "" : ", agent " + agent) + (flow == null ? "" : ", flow " + flow);
		try {
			if (svg != null) {
				Files.writeString(Path.of(svg), SvgRenderer.render(diagram, Highlight.NONE, title), StandardCharsets.UTF_8);
				terminal.err().println("wrote " + svg);
			}
			if (png != null) {
				try (OutputStream out = Files.newOutputStream(Path.of(png))) {
					PngRenderer.render(diagram, Highlight.NONE, out);
				}
				terminal.err().println("wrote " + png);
			}
		} catch (IOException e) {
			terminal.err().println("cabin diagram: cannot write the diagram: " + e.getMessage());
			return Main.FAILED;
		}
		return Main.OK;
	}

	/** Source ranges name files as the user named them, as diagnostics do. */
	private static java.util.function.Function<Resource, String> namesAsGiven(List<Path> files) {
		Map<String, String> names = new HashMap<>();
		files.forEach(file -> names.put(file.toAbsolutePath().normalize().toString(), file.toString()));
		return resource -> names.getOrDefault(resource.getURI().toFileString(), resource.getURI().lastSegment());
	}
}
