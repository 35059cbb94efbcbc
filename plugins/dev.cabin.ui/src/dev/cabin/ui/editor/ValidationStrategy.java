package dev.cabin.ui.editor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
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

import dev.cabin.dsl.load.Problem;

/** Parses and validates the whole document on each reconcile and replaces the previous problem annotations. */
final class ValidationStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";
	static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning";
	static final String INFO_TYPE = "org.eclipse.ui.workbench.texteditor.info";

	private ISourceViewer viewer;
	private IDocument document;
	private List<Annotation> shown = List.of();

	void attach(ISourceViewer sourceViewer) {
		this.viewer = sourceViewer;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		// validation of one document is short; the reconciler cancels by starting over
	}

	@Override
	public void initialReconcile() {
		validate();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		validate();
	}

	@Override
	public void reconcile(IRegion partition) {
		validate();
	}

	private void validate() {
		if (document == null || viewer == null) {
			return;
		}
		List<Problem> problems;
		try {
			problems = CabinLanguage.sources().check(Path.of("document.cabin"), document.get());
		} catch (RuntimeException | LinkageError e) {
			// a failure of the language services must not end reconciling, but must be seen
			Platform.getLog(ValidationStrategy.class).error("Cabin validation failed", e);
			return;
		}
		IAnnotationModel model = viewer.getAnnotationModel();
		if (model == null) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Problem problem : problems) {
			int offset = Math.min(problem.offset(), document.getLength());
			int length = Math.max(0, Math.min(problem.length(), document.getLength() - offset));
			added.put(new Annotation(typeOf(problem.severity()), false, problem.message()),
					new Position(offset, length));
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(shown.toArray(Annotation[]::new), added);
		} else {
			shown.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
		shown = List.copyOf(added.keySet());
	}

	private static String typeOf(Problem.Severity severity) {
		return switch (severity) {
		case ERROR -> ERROR_TYPE;
		case WARNING -> WARNING_TYPE;
		case INFO -> INFO_TYPE;
		};
	}
}
