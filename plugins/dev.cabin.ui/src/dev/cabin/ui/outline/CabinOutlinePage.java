package dev.cabin.ui.outline;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * The Outline view of a .cabin file: agents with their intents (and slots), triggers, flows, tools, entities,
 * policies and tests, from the server's document symbols of the last build. Selecting an element selects its
 * name in the editor.
 */
public final class CabinOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private final BiConsumer<String, List<Diagnostic>> onBuild = (uri, diagnostics) -> refreshIf(uri);

	public CabinOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer tree = getTreeViewer();
		tree.setContentProvider(new SymbolContent());
		tree.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				DocumentSymbol symbol = (DocumentSymbol) element;
				return symbol.getDetail() == null || symbol.getDetail().isBlank() ? symbol.getName()
						: symbol.getName() + " : " + symbol.getDetail();
			}
		});
		CabinLanguageService.get().addBuildListener(onBuild);
		refresh();
	}

	@Override
	public void dispose() {
		CabinLanguageService.get().removeBuildListener(onBuild);
		super.dispose();
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof DocumentSymbol symbol) {
			IDocument document = document();
			try {
				int start = CabinDocument.offset(document, symbol.getSelectionRange().getStart());
				int end = CabinDocument.offset(document, symbol.getSelectionRange().getEnd());
				editor.selectAndReveal(start, end - start);
			} catch (BadLocationException e) {
				// the outline is of an older version of the text: the next build refreshes it
			}
		}
	}

	private IDocument document() {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private void refreshIf(String uri) {
		CabinDocument cabin = CabinDocument.of(document());
		if (cabin != null && cabin.uri().equals(uri)) {
			refresh();
		}
	}

	private void refresh() {
		CabinDocument cabin = CabinDocument.of(document());
		if (cabin == null) {
			return;
		}
		CabinLanguageService.get().request(server -> server.documentSymbol(new DocumentSymbolParams(cabin.identifier())))
				.thenAccept(symbols -> Display.getDefault().asyncExec(() -> show(symbols)));
	}

	private void show(List<Either<SymbolInformation, DocumentSymbol>> symbols) {
		TreeViewer tree = getTreeViewer();
		if (tree == null || tree.getControl().isDisposed() || symbols == null) {
			return;
		}
		tree.setInput(symbols.stream().filter(Either::isRight).map(Either::getRight).toList());
		tree.expandToLevel(2);
	}

	/** The symbols' tree: the roots are the input list, the children each symbol's children. */
	private static final class SymbolContent implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
			return children == null ? new Object[0] : children.toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			List<DocumentSymbol> children = ((DocumentSymbol) element).getChildren();
			return children != null && !children.isEmpty();
		}
	}
}
