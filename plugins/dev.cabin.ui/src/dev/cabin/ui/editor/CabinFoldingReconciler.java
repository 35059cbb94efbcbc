package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/** Folds agents, intents, flows, branches, tests and long comments: the server's folding ranges. */
public class CabinFoldingReconciler extends MonoReconciler {

	private final Strategy strategy;

	public CabinFoldingReconciler() {
		this(new Strategy());
	}

	private CabinFoldingReconciler(Strategy strategy) {
		super(strategy, false);
		this.strategy = strategy;
		strategy.foldWhenOpen = this::forceReconciling;
		setDelay(500);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		if (viewer instanceof ProjectionViewer projection) {
			strategy.viewer = projection;
		}
	}

	@Override
	public void uninstall() {
		if (strategy.document != null) {
			CabinDocument.forget(strategy.document, strategy.foldWhenOpen);
		}
		super.uninstall();
	}

	private static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		private ProjectionViewer viewer;
		private IDocument document;
		private Runnable foldWhenOpen;
		private final List<ProjectionAnnotation> shown = new ArrayList<>();

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
			// one request per reconcile, answered from the model of the last build
		}

		@Override
		public void initialReconcile() {
			// the editor's document model reconciler opens the document in the server, in its own thread
			if (CabinDocument.of(document) != null) {
				fold();
			} else {
				CabinDocument.whenOpen(document, foldWhenOpen);
			}
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			fold();
		}

		@Override
		public void reconcile(IRegion partition) {
			fold();
		}

		private void fold() {
			CabinDocument cabin = CabinDocument.of(document);
			ProjectionAnnotationModel model = viewer == null ? null : viewer.getProjectionAnnotationModel();
			if (cabin == null || model == null) {
				return;
			}
			cabin.sync();
			List<FoldingRange> ranges = CabinLanguageService.await(CabinLanguageService.get()
					.request(server -> server.foldingRange(new FoldingRangeRequestParams(cabin.identifier()))));
			if (ranges == null) {
				return;
			}
			Map<String, Position> wanted = new HashMap<>();
			for (FoldingRange range : ranges) {
				try {
					if (range.getEndLine() > range.getStartLine() && range.getEndLine() < document.getNumberOfLines()) {
						int start = document.getLineOffset(range.getStartLine());
						IRegion last = document.getLineInformation(range.getEndLine());
						int end = Math.min(document.getLength(), last.getOffset() + last.getLength() + 1);
						wanted.put(start + ":" + end, new Position(start, end - start));
					}
				} catch (BadLocationException e) {
					// the document changed meanwhile; the next reconcile folds it
				}
			}
			update(model, wanted);
		}

		/* Keeps the folds that are still there (and whether they are collapsed), adds the new, removes the gone. */
		private synchronized void update(ProjectionAnnotationModel model, Map<String, Position> wanted) {
			List<Annotation> removed = new ArrayList<>();
			shown.removeIf(annotation -> {
				Position position = model.getPosition(annotation);
				boolean gone = position == null
						|| wanted.remove(position.getOffset() + ":" + (position.getOffset() + position.getLength())) == null;
				if (gone) {
					removed.add(annotation);
				}
				return gone;
			});
			Map<ProjectionAnnotation, Position> added = new HashMap<>();
			wanted.values().forEach(position -> added.put(new ProjectionAnnotation(), position));
			shown.addAll(added.keySet());
			model.modifyAnnotations(removed.toArray(Annotation[]::new), added, null);
		}
	}
}
