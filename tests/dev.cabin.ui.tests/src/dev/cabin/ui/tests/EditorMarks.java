package dev.cabin.ui.tests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;

import dev.cabin.ui.editor.DiagnosticAnnotation;
import dev.cabin.ui.editor.OccurrencesReconciler;

/** What the Cabin editor shows over its text: the colours of names, error annotations and occurrence marks. */
final class EditorMarks {

	/* The colour TextMate's keyword scope gives: a keyword, not a name the language server coloured. */
	static final RGB KEYWORD = new RGB(127, 0, 85);

	private EditorMarks() {
	}

	/** The style of a name at an offset, once semantic highlighting coloured it; {@code null} before. */
	static StyleRange nameStyleAt(ISourceViewer viewer, int offset) {
		StyledText widget = viewer.getTextWidget();
		StyleRange style = widget.getStyleRangeAtOffset(offset);
		return style != null && style.foreground != null && !style.foreground.getRGB().equals(KEYWORD) ? style : null;
	}

	/** The lines (from 1) of the error annotations of an issue code. */
	static List<Integer> errorAnnotations(ISourceViewer viewer, String code) {
		IAnnotationModel model = viewer.getAnnotationModel();
		IDocument document = viewer.getDocument();
		List<Integer> lines = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof DiagnosticAnnotation annotation && code.equals(annotation.code())
					&& DiagnosticAnnotation.ERROR_TYPE.equals(annotation.getType())) {
				// no position: a newer build replaced the annotation meanwhile (the caller looks again)
				Position position = model.getPosition(annotation);
				try {
					if (position != null) {
						lines.add(document.getLineOfOffset(position.getOffset()) + 1);
					}
				} catch (BadLocationException e) {
					throw new AssertionError(e);
				}
			}
		}
		return lines;
	}

	/** The offsets of the marked occurrences of the name at the caret, in order. */
	static List<Integer> occurrences(ISourceViewer viewer) {
		List<Integer> offsets = new ArrayList<>();
		IAnnotationModel model = viewer.getAnnotationModel();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (OccurrencesReconciler.OCCURRENCE_TYPE.equals(annotation.getType())) {
				offsets.add(model.getPosition(annotation).getOffset());
			}
		}
		offsets.sort(null);
		return offsets;
	}
}
