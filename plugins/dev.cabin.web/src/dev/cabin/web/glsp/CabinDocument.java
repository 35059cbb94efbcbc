package dev.cabin.web.glsp;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.glsp.server.model.GModelState;

import dev.cabin.diagram.graph.DiagramGraph;

/**
 * The .cabin document a diagram session shows: its workspace-relative path, the file it names and the text the
 * browser's editor holds (the file's text until the editor sends its own). The text is the one source of truth:
 * the diagram is built from it and graphical edits become text edits of it. The graph last built from it is
 * kept for the layout and the edit handlers. A document that cannot be read keeps the reason instead of a text.
 */
final class CabinDocument {

	private static final String PROPERTY = "cabin.document";

	final String path;
	final Path file;
	final String text;
	final DiagramGraph graph;
	final String problem;

	private CabinDocument(String path, Path file, String text, DiagramGraph graph, String problem) {
		this.path = path;
		this.file = file;
		this.text = text;
		this.graph = graph;
		this.problem = problem;
	}

	static CabinDocument read(String path, Path file, String text) {
		return new CabinDocument(path, file, text, null, null);
	}

	static CabinDocument unreadable(String path, String reason) {
		return new CabinDocument(path, null, null, null, reason);
	}

	CabinDocument withText(String newText) {
		return problem != null ? this : new CabinDocument(path, file, newText, null, null);
	}

	CabinDocument withGraph(DiagramGraph newGraph) {
		return new CabinDocument(path, file, text, newGraph, problem);
	}

	static Optional<CabinDocument> of(GModelState state) {
		return state.getProperty(PROPERTY, CabinDocument.class);
	}

	void storeIn(GModelState state) {
		state.setProperty(PROPERTY, this);
	}
}
