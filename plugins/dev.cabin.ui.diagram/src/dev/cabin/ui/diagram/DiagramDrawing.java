package dev.cabin.ui.diagram;

import java.nio.file.Path;

import dev.cabin.diagram.graph.CabinDiagramBuilder;
import dev.cabin.diagram.graph.DiagramFilterException;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.layout.DiagramLayouter;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.load.Problem;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * Parses a document's text and lays its diagram out (off the UI thread), saying why the diagram is not the
 * whole story when the text has errors or the filter names what is no longer there.
 */
final class DiagramDrawing {

	private static final String SYNTAX_ERROR = "org.eclipse.xtext.diagnostics.Diagnostic.Syntax";

	/** A diagram drawn for one request to redraw, or {@code null} when there is none to show, and the message. */
	record Drawn(int generation, LaidOutDiagram diagram, LoadResult model, String message) {
	}

	private DiagramDrawing() {
	}

	static Drawn draw(int generation, String fileName, String text, DiagramOptions options) {
		LoadResult model = CabinLanguage.sources().load(Path.of(fileName), text);
		Integer unparsed = unparsedLine(model);
		if (unparsed != null) {
			return new Drawn(generation, null, model,
					"Line " + unparsed + " does not parse; the diagram shows the text as it last parsed.");
		}
		return layout(generation, model, options, fileName);
	}

	/** The line of the first syntax error, or {@code null} when the text parses into a file. */
	static Integer unparsedLine(LoadResult model) {
		Problem syntax = model.problems().stream().filter(problem -> SYNTAX_ERROR.equals(problem.code())).findFirst()
				.orElse(null);
		return syntax != null ? Integer.valueOf(syntax.line()) : model.files().isEmpty() ? Integer.valueOf(1) : null;
	}

	private static Drawn layout(int generation, LoadResult model, DiagramOptions options, String fileName) {
		try {
			LaidOutDiagram diagram = DiagramLayouter.layout(
					CabinDiagramBuilder.build(model.files(), options, resource -> fileName));
			long errors = model.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
			return new Drawn(generation, diagram, model, errors == 0 ? ""
					: errors + (errors == 1 ? " error" : " errors") + " in the text: connections to what is wrong are left out.");
		} catch (DiagramFilterException e) {
			if (options.agent() != null || options.flow() != null) {
				Drawn all = layout(generation, model, new DiagramOptions(null, null, options.collapsedFlows()), fileName);
				return new Drawn(generation, all.diagram(), model, "Showing everything: " + e.getMessage() + ".");
			}
			return new Drawn(generation, null, model, "Nothing to draw: " + e.getMessage() + ".");
		}
	}
}
