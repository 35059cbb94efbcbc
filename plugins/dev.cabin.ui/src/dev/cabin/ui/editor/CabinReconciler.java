package dev.cabin.ui.editor;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * Sends the text to the language server a moment after the author stops typing (in the reconciler's thread,
 * never the UI thread), and shows what the server finds: problem annotations and semantic highlighting.
 */
public class CabinReconciler extends MonoReconciler {

	/** Keystrokes closer together than this are sent as one change. */
	static final int DELAY_MILLISECONDS = 200;

	private final DocumentModelStrategy strategy;

	public CabinReconciler() {
		this(new DocumentModelStrategy());
	}

	private CabinReconciler(DocumentModelStrategy strategy) {
		super(strategy, false);
		this.strategy = strategy;
		setDelay(DELAY_MILLISECONDS);
	}

	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		if (viewer instanceof ISourceViewer sourceViewer) {
			strategy.attach(sourceViewer);
		}
	}

	@Override
	public void uninstall() {
		strategy.detach();
		super.uninstall();
	}
}
