package dev.cabin.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.Diagnostic;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Keeps the server's copy of the document current, and after each build of it replaces the problem annotations
 * and redraws the semantic highlighting.
 */
final class DocumentModelStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final BiConsumer<String, List<Diagnostic>> onBuild = this::built;
	private ISourceViewer viewer;
	private SemanticHighlighting highlighting;
	private volatile CabinDocument cabin;
	private List<Annotation> shown = List.of();

	void attach(ISourceViewer sourceViewer) {
		this.viewer = sourceViewer;
		this.highlighting = new SemanticHighlighting(sourceViewer);
		CabinLanguageService.get().addBuildListener(onBuild);
	}

	void detach() {
		CabinLanguageService.get().removeBuildListener(onBuild);
		if (highlighting != null) {
			highlighting.dispose();
		}
		CabinDocument previous = cabin;
		cabin = null;
		if (previous != null) {
			previous.release();
		}
	}

	@Override
	public void setDocument(IDocument document) {
		CabinDocument previous = cabin;
		if (previous != null && previous.document() == document) {
			return;
		}
		cabin = CabinDocument.open(document);
		if (previous != null) {
			previous.release();
		}
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		// sending a change is quick; the server cancels the build of a version that a newer one replaces
	}

	@Override
	public void initialReconcile() {
		CabinDocument current = cabin;
		if (current != null) {
			current.sync();
			built(current.uri(), current.diagnostics());
		}
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile(subRegion);
	}

	@Override
	public void reconcile(IRegion partition) {
		CabinDocument current = cabin;
		if (current != null) {
			current.sync();
		}
	}

	private void built(String uri, List<Diagnostic> diagnostics) {
		CabinDocument current = cabin;
		if (current == null || !current.uri().equals(uri)) {
			return;
		}
		showProblems(current, diagnostics);
		highlighting.refresh(current);
	}

	private synchronized void showProblems(CabinDocument current, List<Diagnostic> diagnostics) {
		IAnnotationModel model = viewer == null ? null : viewer.getAnnotationModel();
		if (model == null) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Diagnostic diagnostic : diagnostics) {
			try {
				int[] region = current.region(diagnostic.getRange());
				added.put(new DiagnosticAnnotation(diagnostic), new Position(region[0], region[1]));
			} catch (BadLocationException e) {
				// the document became shorter since this build; the next build places the problem again
			}
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(shown.toArray(Annotation[]::new), added);
		} else {
			shown.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
		shown = List.copyOf(added.keySet());
	}
}
