package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

import dev.cabin.dsl.ide.highlighting.CabinHighlightingCalculator;
import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Colours what only the model knows (an agent, a flow, a slot, a VSS signal, an unresolved name) on top of the
 * lexical colours: the server's semantic tokens of the last build, kept as document positions so that they
 * move with the text until the next build replaces them.
 */
final class SemanticHighlighting implements ITextPresentationListener {

	private static final String CATEGORY = "dev.cabin.ui.semanticTokens";

	/** A highlighted range and its style. */
	private static final class Token extends Position {
		final String style;

		Token(int offset, int length, String style) {
			super(offset, length);
			this.style = style;
		}
	}

	private static final Map<String, Style> STYLES = Map.of(
			CabinHighlightingCalculator.AGENT, new Style(new Color(0, 0, 128), SWT.BOLD),
			CabinHighlightingCalculator.TYPE, new Style(new Color(128, 64, 0), SWT.BOLD),
			CabinHighlightingCalculator.FLOW, new Style(new Color(0, 110, 110), SWT.BOLD),
			CabinHighlightingCalculator.TOOL, new Style(new Color(120, 60, 160), SWT.NORMAL),
			CabinHighlightingCalculator.SLOT, new Style(new Color(100, 70, 0), SWT.ITALIC),
			CabinHighlightingCalculator.SIGNAL, new Style(new Color(0, 90, 180), SWT.ITALIC),
			CabinHighlightingCalculator.VALUE, new Style(new Color(0, 128, 0), SWT.ITALIC),
			CabinHighlightingCalculator.LOCALE, new Style(new Color(110, 110, 110), SWT.NORMAL),
			CabinHighlightingCalculator.UNRESOLVED, new Style(new Color(200, 0, 0), SWT.NORMAL));

	private record Style(Color color, int fontStyle) {
	}

	private final ISourceViewer viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private IDocument document;
	private List<Token> tokens = List.of();

	SemanticHighlighting(ISourceViewer viewer) {
		this.viewer = viewer;
		if (viewer instanceof ITextViewerExtension4 extension) {
			extension.addTextPresentationListener(this);
		}
	}

	void dispose() {
		Display display = Display.getDefault();
		display.asyncExec(() -> {
			if (viewer instanceof ITextViewerExtension4 extension) {
				extension.removeTextPresentationListener(this);
			}
			forget();
		});
	}

	/** Asks for the tokens of the document's last build (in the server's threads) and then redraws. */
	void refresh(CabinDocument cabin) {
		CabinLanguageService.get()
				.request(server -> server.semanticTokensFull(new SemanticTokensParams(cabin.identifier())))
				.thenAccept(answer -> show(cabin, answer));
	}

	private void show(CabinDocument cabin, SemanticTokens answer) {
		if (answer == null) {
			return;
		}
		Display display = Display.getDefault();
		display.asyncExec(() -> {
			if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()
					|| viewer.getDocument() != cabin.document()) {
				return;
			}
			forget();
			document = cabin.document();
			tokens = decode(document, answer.getData());
			document.addPositionCategory(CATEGORY);
			document.addPositionUpdater(updater);
			for (Token token : tokens) {
				try {
					document.addPosition(CATEGORY, token);
				} catch (BadLocationException | BadPositionCategoryException e) {
					// the token lies beyond the text as it is now: the next build draws it
				}
			}
			viewer.invalidateTextPresentation();
		});
	}

	private void forget() {
		if (document != null) {
			try {
				document.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// never added
			}
			document.removePositionUpdater(updater);
		}
		tokens = List.of();
	}

	/* The protocol's encoding: per token, line delta, start (relative on the same line), length, type, modifiers. */
	private static List<Token> decode(IDocument document, List<Integer> data) {
		List<Token> decoded = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size(); i += 5) {
			int lineDelta = data.get(i);
			line += lineDelta;
			character = lineDelta == 0 ? character + data.get(i + 1) : data.get(i + 1);
			int type = data.get(i + 3);
			if (type < 0 || type >= CabinHighlightingCalculator.STYLES.size() || line >= document.getNumberOfLines()) {
				continue;
			}
			try {
				int offset = document.getLineOffset(line) + character;
				int length = Math.min(data.get(i + 2), document.getLength() - offset);
				if (length > 0) {
					decoded.add(new Token(offset, length, CabinHighlightingCalculator.STYLES.get(type)));
				}
			} catch (BadLocationException e) {
				// the text changed since the build: the next build's tokens replace these
			}
		}
		return decoded;
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int end = extent.getOffset() + extent.getLength();
		for (Token token : tokens) {
			if (token.isDeleted() || token.getOffset() + token.getLength() <= extent.getOffset()
					|| token.getOffset() >= end) {
				continue;
			}
			Style style = STYLES.get(token.style);
			if (style != null) {
				presentation.mergeStyleRange(
						new StyleRange(token.getOffset(), token.getLength(), style.color(), null, style.fontStyle()));
			}
		}
	}
}
