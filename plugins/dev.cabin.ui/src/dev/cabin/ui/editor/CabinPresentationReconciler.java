package dev.cabin.ui.editor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/**
 * The lexical colours, drawn at once as the author types: keywords of the grammar, text in quotes, comments and
 * numbers. What depends on the model is drawn on top by {@link SemanticHighlighting} after each build.
 */
public class CabinPresentationReconciler extends PresentationReconciler {

	private static final IToken KEYWORD = new Token(new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD));
	private static final IToken STRING = new Token(new TextAttribute(new Color(42, 0, 255)));
	private static final IToken COMMENT = new Token(new TextAttribute(new Color(63, 127, 95)));
	/* Names are read whole, so that a keyword inside a name (the "flow" of "myflow") is not coloured. */
	private static final IToken IDENTIFIER = new Token(null);
	private static final IToken NUMBER = new Token(new TextAttribute(new Color(150, 80, 0)));

	private final WordRule words;

	public CabinPresentationReconciler() {
		RuleBasedScanner scanner = new RuleBasedScanner();
		WordRule words = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isLetter(c) || c == '_';
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '_';
			}
		}, IDENTIFIER);
		this.words = words;
		scanner.setRules(List.<IRule>of(new EndOfLineRule("//", COMMENT), new MultiLineRule("/*", "*/", COMMENT),
				new SingleLineRule("\"", "\"", STRING, '\\'), new SingleLineRule("'", "'", STRING, '\\'),
				new NumberRule(NUMBER), words).toArray(IRule[]::new));
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner);
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/* The keywords come from the grammar, whose loading is left to a background thread; then the text is redrawn. */
	@Override
	public void install(ITextViewer viewer) {
		super.install(viewer);
		CompletableFuture.supplyAsync(CabinLanguage::keywords).thenAccept(keywords -> Display.getDefault().asyncExec(() -> {
			keywords.forEach(keyword -> words.addWord(keyword, KEYWORD));
			if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
				viewer.invalidateTextPresentation();
			}
		}));
	}
}
