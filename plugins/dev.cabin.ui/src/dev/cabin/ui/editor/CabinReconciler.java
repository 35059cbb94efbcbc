package dev.cabin.ui.editor;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * Validates a .cabin document in the background as the author types, and shows the problems as annotations
 * in the Generic Editor.
 */
public class CabinReconciler extends MonoReconciler {

	private final ValidationStrategy strategy;

	public CabinReconciler() {
		this(new ValidationStrategy());
	}

	private CabinReconciler(ValidationStrategy strategy) {
		super(strategy, false);
		this.strategy = strategy;
		setDelay(300);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		if (viewer instanceof ISourceViewer sourceViewer) {
			strategy.attach(sourceViewer);
		}
	}
}
