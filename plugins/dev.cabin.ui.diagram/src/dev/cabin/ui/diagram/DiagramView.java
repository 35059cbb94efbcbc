package dev.cabin.ui.diagram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.cabin.diagram.edit.EditException;
import dev.cabin.diagram.edit.EditPlan;
import dev.cabin.diagram.edit.SourceEdits;
import dev.cabin.diagram.edit.TextEdit;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.NodeKind;
import dev.cabin.diagram.graph.SourceRange;
import dev.cabin.diagram.layout.LaidOutDiagram;
import dev.cabin.diagram.overlay.Highlight;
import dev.cabin.diagram.overlay.SimulationOverlay;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.ui.diagram.DiagramDrawing.Drawn;
import dev.cabin.ui.editor.CabinLanguage;

/**
 * The flow diagram of the .cabin file in the active editor, beside it and redrawn as the text changes.
 * Selecting a box selects its text and moving in the text selects its box; the context menu edits the text
 * (one undo step each, with the editor's undo); a simulation overlay shows a conversation's path.
 */
public class DiagramView extends ViewPart {

	public static final String ID = "dev.cabin.ui.diagram.view";

	/** A diagram action: the text edits it makes, computed on the document as it is now. */
	@FunctionalInterface
	public interface EditAction {
		EditPlan plan(SourceEdits edits) throws EditException;
	}

	private static final int REDRAW_DELAY_MILLIS = 250;

	private Display display;
	private DiagramCanvas canvas;
	private Label message;
	private DiagramFilter filter;

	private ITextEditor editor;
	private IDocument document;
	private DiagramOptions options = DiagramOptions.ALL;
	private SimulationOverlay overlay;
	private Highlight highlight = Highlight.NONE;
	/** Counts the requests to redraw, so that a slow, outdated layout is dropped. */
	private int generation;

	private final Job redraw = new Job("Drawing the flow diagram") {
		@Override
		protected IStatus run(IProgressMonitor monitor) {
			drawInBackground(monitor);
			return Status.OK_STATUS;
		}
	};

	private final IDocumentListener documentListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// the diagram follows the text once it has changed
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			scheduleRedraw(REDRAW_DELAY_MILLIS);
		}
	};

	private final ISelectionChangedListener textSelectionListener = this::textSelectionChanged;

	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference reference) {
			follow(reference.getPart(false));
		}

		@Override
		public void partInputChanged(IWorkbenchPartReference reference) {
			if (reference.getPart(false) == editor) {
				attach(null);
				follow(reference.getPart(false));
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference reference) {
			if (reference.getPart(false) == editor) {
				attach(null);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		display = parent.getDisplay();
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 0;
		parent.setLayout(layout);

		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginHeight = 2;
		bar.setLayout(barLayout);
		new Label(bar, SWT.NONE).setText("Show:");
		filter = new DiagramFilter(bar, choice -> setOptions(withCollapsed(choice)));
		message = new Label(bar, SWT.NONE);
		message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		canvas = new DiagramCanvas(parent);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas.onSelect(this::revealInText);
		canvas.onOpen(id -> {
			DiagramNode node = node(id);
			if (node != null && node.kind() == NodeKind.FLOW) {
				toggleCollapsed(id);
			}
		});
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(manager -> new DiagramMenu(this).fill(manager));
		canvas.setMenu(menu.createContextMenu(canvas));

		contributeToolBar(getViewSite().getActionBars().getToolBarManager());
		getSite().getPage().addPartListener(partListener);
		follow(getSite().getPage().getActiveEditor());
		showMessage(editor == null ? "Open a .cabin file to see its flows." : "");
	}

	private void contributeToolBar(IToolBarManager toolBar) {
		toolBar.add(action("Fit", "Show the whole diagram (0)", canvas::fit));
		toolBar.add(action("+", "Zoom in (+, Ctrl+wheel)", canvas::zoomIn));
		toolBar.add(action("\u2212", "Zoom out (-, Ctrl+wheel)", canvas::zoomOut));
		toolBar.add(action("SVG\u2026", "Export the diagram as SVG", () -> exportWithDialog("svg")));
		toolBar.add(action("PNG\u2026", "Export the diagram as PNG", () -> exportWithDialog("png")));
	}

	static Action action(String text, String tooltip, Runnable run) {
		Action action = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setToolTipText(tooltip);
		return action;
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(partListener);
		attach(null);
		redraw.cancel();
		super.dispose();
	}

	/* ---------------------------------------------------------------- following the editor */

	private void follow(IWorkbenchPart part) {
		if (part instanceof ITextEditor textEditor && part != editor
				&& textEditor.getEditorInput().getName().endsWith(".cabin")) {
			attach(textEditor);
		}
	}

	private void attach(ITextEditor newEditor) {
		if (document != null) {
			document.removeDocumentListener(documentListener);
		}
		if (editor != null && editor.getSelectionProvider() != null) {
			editor.getSelectionProvider().removeSelectionChangedListener(textSelectionListener);
		}
		editor = newEditor;
		document = editor == null ? null : editor.getDocumentProvider().getDocument(editor.getEditorInput());
		options = DiagramOptions.ALL;
		overlay = null;
		highlight = Highlight.NONE;
		if (document != null) {
			document.addDocumentListener(documentListener);
			editor.getSelectionProvider().addSelectionChangedListener(textSelectionListener);
			setPartName("Flow Diagram: " + editor.getEditorInput().getName());
			scheduleRedraw(0);
		} else if (canvas != null && !canvas.isDisposed()) {
			setPartName("Flow Diagram");
			canvas.setDiagram(null);
			showMessage("Open a .cabin file to see its flows.");
		}
	}

	/** The text editor whose document the diagram shows, or {@code null}. */
	public ITextEditor editor() {
		return editor;
	}

	/* ---------------------------------------------------------------- drawing */

	private void scheduleRedraw(int delay) {
		generation++;
		redraw.cancel();
		redraw.schedule(delay);
	}

	/** Parses the document and lays the diagram out off the UI thread; the UI thread shows the result. */
	private void drawInBackground(IProgressMonitor monitor) {
		String[] request = new String[2];
		int[] requested = new int[1];
		DiagramOptions[] requestedOptions = new DiagramOptions[1];
		display.syncExec(() -> {
			if (document != null && !canvas.isDisposed()) {
				request[0] = document.get();
				request[1] = fileName();
				requested[0] = generation;
				requestedOptions[0] = options;
			}
		});
		if (request[0] == null || monitor.isCanceled()) {
			return;
		}
		Drawn drawn = DiagramDrawing.draw(requested[0], request[1], request[0], requestedOptions[0]);
		if (!monitor.isCanceled() && !display.isDisposed()) {
			display.asyncExec(() -> show(drawn));
		}
	}

	private void show(Drawn drawn) {
		if (canvas.isDisposed() || drawn.generation() != generation) {
			return;
		}
		if (drawn.diagram() != null) {
			canvas.setDiagram(drawn.diagram());
			resolveOverlay();
			filter.update(drawn.model(), options);
		}
		showMessage(drawn.message());
	}

	private void showMessage(String text) {
		if (message != null && !message.isDisposed()) {
			message.setText(text);
			message.setToolTipText(text);
		}
	}

	/** The message above the diagram (why it is not up to date, why an edit was refused), or "". */
	public String message() {
		return message.getText();
	}

	/** The diagram as shown, or {@code null} before the first one. */
	public LaidOutDiagram diagram() {
		return canvas.diagram();
	}

	public DiagramCanvas canvas() {
		return canvas;
	}

	private String fileName() {
		return editor.getEditorInput().getName();
	}

	DiagramNode node(String id) {
		LaidOutDiagram diagram = canvas.diagram();
		return diagram == null || id == null ? null : diagram.graph().node(id);
	}

	/* ---------------------------------------------------------------- what is shown */

	public DiagramOptions options() {
		return options;
	}

	/** Shows one agent, one flow, or everything (the filter above the diagram does the same). */
	public void setOptions(DiagramOptions newOptions) {
		options = newOptions;
		if (document != null) {
			scheduleRedraw(0);
		}
	}

	/** Collapses an expanded flow or expands a collapsed one (double-clicking a flow does the same). */
	public void toggleCollapsed(String flowId) {
		Set<String> collapsed = new HashSet<>(options.collapsedFlows());
		if (!collapsed.remove(flowId)) {
			collapsed.add(flowId);
		}
		setOptions(new DiagramOptions(options.agent(), options.flow(), collapsed));
	}

	private DiagramOptions withCollapsed(DiagramOptions choice) {
		return new DiagramOptions(choice.agent(), choice.flow(), options.collapsedFlows());
	}

	/* ---------------------------------------------------------------- selection */

	/** The selected box, or {@code null}. */
	public String selection() {
		return canvas.selection();
	}

	/** Selects a box and selects its text in the editor, as a click on it does. */
	public void select(String id) {
		canvas.setSelection(id);
		revealInText(id);
	}

	private void revealInText(String id) {
		DiagramNode node = node(id);
		if (node == null || node.source() == null || editor == null) {
			return;
		}
		SourceRange source = node.source();
		boolean frame = node.kind() == NodeKind.AGENT || node.kind() == NodeKind.FLOW;
		editor.selectAndReveal(source.offset(), frame ? 0 : source.length());
	}

	/** The box of the innermost element whose text contains the caret (the shortest such text) follows the caret. */
	private void textSelectionChanged(SelectionChangedEvent event) {
		if (!(event.getSelection() instanceof ITextSelection text) || canvas.diagram() == null) {
			return;
		}
		DiagramNode innermost = null;
		for (DiagramNode node : canvas.diagram().graph().nodes()) {
			if (node.source() != null && node.source().contains(text.getOffset())
					&& (innermost == null || node.source().length() < innermost.source().length())) {
				innermost = node;
			}
		}
		if (innermost != null && !innermost.id().equals(canvas.selection())) {
			canvas.setSelection(innermost.id());
		}
	}

	/* ---------------------------------------------------------------- simulation overlay */

	/**
	 * Highlights what a simulated conversation went through: the triggers that fired (with the modalities
	 * that fired them), the steps in order, the step it is in now. It stays on while the text changes.
	 */
	public void showSimulation(SimulationOverlay conversation) {
		overlay = conversation;
		resolveOverlay();
	}

	public void clearSimulation() {
		showSimulation(null);
	}

	/** The overlay as resolved against the diagram shown. */
	public Highlight highlight() {
		return highlight;
	}

	private void resolveOverlay() {
		LaidOutDiagram diagram = canvas.diagram();
		highlight = overlay == null || diagram == null ? Highlight.NONE : Highlight.resolve(diagram.graph(), overlay);
		canvas.setHighlight(highlight);
	}

	/* ---------------------------------------------------------------- editing */

	/**
	 * Applies a diagram action to the document as text edits, as one step of the editor's undo, and selects
	 * what the author will want to type over. Returns whether it was applied; if not, the message says why.
	 */
	public boolean apply(EditAction action) {
		if (document == null) {
			return false;
		}
		LoadResult model = parseDocument();
		if (model == null) {
			return false;
		}
		EditPlan plan;
		try {
			plan = action.plan(new SourceEdits(model.files().get(0)));
		} catch (EditException e) {
			showMessage(e.getMessage() + ".");
			return false;
		}
		IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			for (TextEdit edit : plan.lastFirst()) {
				document.replace(edit.offset(), edit.length(), edit.text());
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			Platform.getLog(DiagramView.class).error("A diagram edit did not fit the document", e);
			showMessage("The edit did not fit the text; nothing was changed.");
			return false;
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
		editor.selectAndReveal(plan.selectionOffset(), plan.selectionLength());
		showMessage(plan.description() + " (Ctrl+Z in the editor undoes it).");
		return true;
	}

	/** The document's model for an edit, or {@code null} (with a message) when the text does not parse. */
	LoadResult parseDocument() {
		LoadResult model = CabinLanguage.sources().load(Path.of(fileName()), document.get());
		Integer unparsed = DiagramDrawing.unparsedLine(model);
		if (unparsed != null) {
			showMessage("Line " + unparsed + " does not parse; fix it before editing from the diagram.");
			return null;
		}
		return model;
	}

	/* ---------------------------------------------------------------- export */

	/** Writes the diagram as shown (filter, collapsed flows, overlay) as SVG. */
	public void exportSvg(Path file) throws IOException {
		DiagramExport.svg(canvas.diagram(), highlight, fileName(), file);
	}

	/** Writes the diagram as shown as PNG, at twice its size. */
	public void exportPng(Path file) throws IOException {
		DiagramExport.png(canvas.diagram(), highlight, file);
	}

	private void exportWithDialog(String extension) {
		if (canvas.diagram() != null) {
			String outcome = DiagramExport.withDialog(canvas.getShell(), extension, canvas.diagram(), highlight,
					fileName());
			if (outcome != null) {
				showMessage(outcome);
			}
		}
	}
}
