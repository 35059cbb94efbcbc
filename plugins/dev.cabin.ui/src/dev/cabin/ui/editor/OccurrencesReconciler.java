package dev.cabin.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Mark occurrences: where the caret rests on a name, every place in the file that names the same declaration
 * is marked (the server's document highlights, asked for off the UI thread).
 */
public class OccurrencesReconciler implements IReconciler {

	/** The generic editor's annotation type for occurrences. */
	public static final String OCCURRENCE_TYPE = "org.eclipse.ui.genericeditor.text";

	private final ISelectionChangedListener onCaretMove = this::caretMoved;
	private ISourceViewer viewer;
	private Annotation[] shown = new Annotation[0];
	private int requested = -1;

	@Override
	public void install(ITextViewer textViewer) {
		if (textViewer instanceof ISourceViewer sourceViewer
				&& textViewer.getSelectionProvider() instanceof IPostSelectionProvider selections) {
			viewer = sourceViewer;
			selections.addPostSelectionChangedListener(onCaretMove);
		}
	}

	@Override
	public void uninstall() {
		if (viewer != null && viewer.getSelectionProvider() instanceof IPostSelectionProvider selections) {
			selections.removePostSelectionChangedListener(onCaretMove);
		}
		viewer = null;
	}

	@Override
	public IReconcilingStrategy getReconcilingStrategy(String contentType) {
		return null;
	}

	private void caretMoved(SelectionChangedEvent event) {
		if (!(event.getSelection() instanceof ITextSelection selection) || viewer == null) {
			return;
		}
		IDocument document = viewer.getDocument();
		CabinDocument cabin = CabinDocument.of(document);
		int offset = selection.getOffset();
		if (cabin == null || offset == requested) {
			return;
		}
		requested = offset;
		IAnnotationModel model = viewer.getAnnotationModel();
		cabin.sync();
		try {
			DocumentHighlightParams params = new DocumentHighlightParams(cabin.identifier(), cabin.position(offset));
			CabinLanguageService.get().request(server -> server.documentHighlight(params))
					.thenAccept(highlights -> mark(cabin, model, offset, highlights));
		} catch (BadLocationException e) {
			mark(cabin, model, offset, List.of());
		}
	}

	private synchronized void mark(CabinDocument cabin, IAnnotationModel model, int offset,
			List<? extends DocumentHighlight> highlights) {
		if (model == null || offset != requested) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (DocumentHighlight highlight : highlights == null ? List.<DocumentHighlight>of() : highlights) {
			try {
				int[] region = cabin.region(highlight.getRange());
				added.put(new Annotation(OCCURRENCE_TYPE, false, "Occurrence"), new Position(region[0], region[1]));
			} catch (BadLocationException e) {
				// the text changed meanwhile: the next caret move marks again
			}
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(shown, added);
		}
		shown = added.keySet().toArray(Annotation[]::new);
	}
}
