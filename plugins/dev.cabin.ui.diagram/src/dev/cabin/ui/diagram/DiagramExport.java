package dev.cabin.ui.diagram;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.render.PngRenderer;
import dev.cabin.diagram.render.SvgRenderer;

/** Writes a diagram as shown (filter, collapsed flows, overlay) to an SVG or PNG file. */
final class DiagramExport {

	private DiagramExport() {
	}

	static void svg(LaidOutDiagram diagram, Highlight highlight, String fileName, Path file) throws IOException {
		Files.writeString(file, SvgRenderer.render(diagram, highlight, "Flows of " + fileName), StandardCharsets.UTF_8);
	}

	/** At twice the diagram's size. */
	static void png(LaidOutDiagram diagram, Highlight highlight, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			PngRenderer.render(diagram, highlight, out);
		}
	}

	/**
	 * Asks where to write the diagram ({@code svg} or {@code png}) and writes it there; returns what happened,
	 * for the message above the diagram, or {@code null} when the user cancelled.
	 */
	static String withDialog(Shell shell, String extension, LaidOutDiagram diagram, Highlight highlight,
			String fileName) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*." + extension });
		dialog.setFileName(fileName.replaceFirst("\\.cabin$", "") + "." + extension);
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen == null) {
			return null;
		}
		try {
			if (extension.equals("svg")) {
				svg(diagram, highlight, fileName, Path.of(chosen));
			} else {
				png(diagram, highlight, Path.of(chosen));
			}
			return "Exported " + chosen + ".";
		} catch (IOException e) {
			return "Cannot write " + chosen + ": " + e.getMessage();
		}
	}
}
