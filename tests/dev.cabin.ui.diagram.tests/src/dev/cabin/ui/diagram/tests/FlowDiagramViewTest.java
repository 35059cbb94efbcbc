package dev.cabin.ui.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.diagram.edit.StepTemplate;
import dev.cabin.diagram.graph.DiagramNode;
import dev.cabin.diagram.graph.DiagramOptions;
import dev.cabin.diagram.graph.Modality;
import dev.cabin.diagram.layout.Box;
import dev.cabin.diagram.layout.Point;
import dev.cabin.diagram.overlay.SimulationOverlay;
import dev.cabin.diagram.overlay.SimulationOverlay.FiredTrigger;
import dev.cabin.diagram.overlay.SimulationOverlay.VisitedStep;
import dev.cabin.diagram.render.DiagramStyle;
import dev.cabin.diagram.render.Rgb;
import dev.cabin.dsl.load.Problem;
import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.diagram.DiagramView;
import dev.cabin.ui.editor.CabinLanguage;

/** The flow diagram beside the Cabin editor in a live workbench, used as an author would use it. */
class FlowDiagramViewTest {

	private static final String CLIMATE = "Cockpit.flow.Climate";

	private IProject project;
	private ITextEditor editor;
	private IDocument document;
	private DiagramView view;

	@BeforeEach
	void openTheCockpitAgentAndItsDiagram() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("cockpit");
		project.create(null);
		project.open(null);
		try (InputStream agent = Files.newInputStream(Repository.file("tests/dev.cabin.diagram.tests/agents/cockpit.cabin"))) {
			project.getFile("cockpit.cabin").create(agent, true, null);
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Shell window = page.getWorkbenchWindow().getShell();
		window.setBounds(window.getDisplay().getPrimaryMonitor().getBounds());
		editor = (ITextEditor) IDE.openEditor(page, project.getFile("cockpit.cabin"));
		document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		view = (DiagramView) page.showView(DiagramView.ID);
		Screen.waitFor(() -> view.diagram() != null && view.diagram().graph().node(CLIMATE) != null, "the diagram");
	}

	@AfterEach
	void closeEverything() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.closeAllEditors(false);
		page.hideView(view);
		project.delete(true, null);
	}

	@Test
	void clickingABoxSelectsItsTextAndMovingInTheTextSelectsItsBox() throws Exception {
		String confirm = CLIMATE + ".step.1";
		DiagramNode node = view.diagram().graph().node(confirm);

		click(confirm);

		assertEquals(confirm, view.selection());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(node.source().offset(), selection.getOffset());
		assertEquals(node.source().length(), selection.getLength());
		assertTrue(selection.getText().startsWith("confirm \"Set {temp}?\""), selection.getText());
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		int line = document.getLineOfOffset(selection.getOffset());
		assertTrue(viewer.getTopIndex() <= line && line <= viewer.getBottomIndex(), "the editor shows line " + line);

		editor.selectAndReveal(document.get().indexOf("say \"Okay, leaving it.\"") + 3, 0);

		Screen.waitFor(() -> (CLIMATE + ".step.1.no.0").equals(view.selection()), "the box of the step at the caret");
	}

	@Test
	void aSimulatedConversationIsHighlightedOnTheCanvas() throws Exception {
		view.setOptions(new DiagramOptions("Cockpit", "Climate", Set.of()));
		Screen.waitFor(() -> view.diagram().graph().node("Cockpit.flow.Greeting") == null, "only the Climate flow");
		view.canvas().fit();

		view.showSimulation(new SimulationOverlay(List.of(new FiredTrigger("Cockpit", 1, Set.of(Modality.VOICE)),
				step("0"), step("1"), step("1.yes.0"), step("1.yes.1"), step("2")), step("2")));

		assertEquals(Set.of("Cockpit.intent.SetTemperature>Cockpit.trigger.1", "Cockpit.trigger.1>" + CLIMATE,
				CLIMATE + ">" + CLIMATE + ".step.0", CLIMATE + ".step.0>" + CLIMATE + ".step.1",
				CLIMATE + ".step.1>" + CLIMATE + ".step.1.yes.0", CLIMATE + ".step.1.yes.0>" + CLIMATE + ".step.1.yes.1",
				CLIMATE + ".step.1.yes.1>" + CLIMATE + ".step.2"), takenEdges());
		assertEquals(CLIMATE + ".step.2", view.highlight().active());
		assertEquals(List.of(), view.highlight().unmatched());
		assertTrue(borderHas(CLIMATE + ".step.2", DiagramStyle.ACTIVE), "the active step is outlined in red");
		assertTrue(borderHas(CLIMATE + ".step.0", DiagramStyle.VISITED), "a visited step is outlined in orange");
		assertFalse(borderHas(CLIMATE + ".step.1.no.0", DiagramStyle.VISITED), "the step not taken is not");

		showOnlyTheEditorAndTheDiagram();
		view.select(CLIMATE + ".step.2");
		view.canvas().fit();
		Path screenshot = Screen.screenshot("flow-diagram-overlay");
		assertTrue(Files.size(screenshot) > 10_000);
	}

	@Test
	void diagramEditsAreTextEditsThatTheEditorUndoesInOneStep() throws Exception {
		String before = document.get();

		assertTrue(view.apply(edits -> edits.addStepAfter("Cockpit.flow.Greeting.step.0", StepTemplate.say())));

		String greeting = "\t\tsay en-US \"Hi, how can I help?\" zh-CN \"你好，有什么可以帮你？\"\n";
		assertEquals(before.replace(greeting, greeting + "\t\tsay \"What should the agent say?\"\n"), document.get());
		assertEquals("What should the agent say?", ((ITextSelection) editor.getSelectionProvider().getSelection()).getText());
		Screen.waitFor(() -> view.diagram().graph().node("Cockpit.flow.Greeting.step.1") != null, "the new step's box");

		undo();
		assertEquals(before, document.get());
		Screen.waitFor(() -> view.diagram().graph().node("Cockpit.flow.Greeting.step.1") == null, "the box to go");

		assertTrue(view.apply(edits -> edits.rename("Cockpit.flow.FindRest", "FindRestArea")));
		assertTrue(document.get().contains("run FindRestArea") && document.get().contains("flow FindRestArea {"));
		assertEquals(List.of(), errors(document.get()));
		Screen.waitFor(() -> view.diagram().graph().node("Cockpit.flow.FindRestArea") != null, "the renamed flow");
		undo();
		assertEquals(before, document.get(), "one undo takes back every part of a rename");

		assertFalse(view.apply(edits -> edits.delete(CLIMATE)));
		assertTrue(view.message().startsWith("flow Climate is still used on lines "), view.message());
		assertEquals(before, document.get());
	}

	@Test
	void theContextMenuOffersWhatFitsTheBoxAndEditsTheText() throws Exception {
		String greeting = "Cockpit.flow.Greeting.step.0";
		String before = document.get();
		click(greeting, 3);

		Menu menu = view.canvas().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).filter(text -> !text.isEmpty())
				.toList();
		assertEquals(List.of("Add Step After", "Add Branch After", "Connect to Flow", "Delete Step", "Fit"), items);
		MenuItem connect = Arrays.stream(menu.getItems()).filter(item -> item.getText().equals("Connect to Flow"))
				.findFirst().orElseThrow();
		connect.getMenu().notifyListeners(SWT.Show, new Event());
		MenuItem findRest = Arrays.stream(connect.getMenu().getItems())
				.filter(item -> item.getText().equals("FindRest")).findFirst().orElseThrow();

		findRest.notifyListeners(SWT.Selection, new Event());

		String line = "\t\tsay en-US \"Hi, how can I help?\" zh-CN \"你好，有什么可以帮你？\"\n";
		assertEquals(before.replace(line, line + "\t\trun FindRest\n"), document.get());
		Screen.waitFor(() -> view.diagram().graph().edges().stream().anyMatch(
				edge -> edge.source().equals("Cockpit.flow.Greeting.step.1") && edge.target().equals("Cockpit.flow.FindRest")),
				"the new run edge");
	}

	@Test
	void theDiagramFollowsTheTextAndKeepsTheLastOneWhileALineDoesNotParse() throws Exception {
		int end = document.get().lastIndexOf('}');
		document.replace(end, 0, "\tflow Goodbye {\n\t\tsay \"Bye.\"\n\t}\n");
		Screen.waitFor(() -> view.diagram().graph().node("TravelDesk.flow.Goodbye.step.0") != null, "the typed flow");

		int line = document.getNumberOfLines() - 2;
		document.replace(document.getLineOffset(line - 1), 0, "\tflow {\n");
		Screen.waitFor(() -> view.message().contains("does not parse"), "the message about the line");
		assertTrue(view.message().startsWith("Line " + line + " does not parse"), view.message());
		assertNotNull(view.diagram().graph().node("TravelDesk.flow.Goodbye.step.0"), "the last diagram stays");
	}

	@Test
	void flowsCollapseAndExpand() throws Exception {
		view.toggleCollapsed(CLIMATE);
		assertEquals(Set.of(CLIMATE), view.options().collapsedFlows());
		Screen.waitFor(() -> view.diagram().graph().node(CLIMATE).collapsed(), "the collapsed flow");
		assertNull(view.diagram().graph().node(CLIMATE + ".step.0"));

		view.toggleCollapsed(CLIMATE);
		Screen.waitFor(() -> !view.diagram().graph().node(CLIMATE).collapsed(), "the expanded flow");
		assertNotNull(view.diagram().graph().node(CLIMATE + ".step.0"));
	}

	@Test
	void theDiagramIsExportedAsShownWithItsOverlay(@TempDir Path dir) throws Exception {
		view.showSimulation(new SimulationOverlay(List.of(step("0")), step("0")));

		view.exportSvg(dir.resolve("cockpit.svg"));
		view.exportPng(dir.resolve("cockpit.png"));

		String svg = Files.readString(dir.resolve("cockpit.svg"));
		assertTrue(svg.contains("id=\"" + CLIMATE + ".step.0\" class=\"node ask step visited active\""), svg);
		assertEquals("\u0089PNG", new String(Files.readAllBytes(dir.resolve("cockpit.png")), 0, 4,
				java.nio.charset.StandardCharsets.ISO_8859_1));

		view.clearSimulation();
		view.exportSvg(dir.resolve("plain.svg"));
		assertFalse(Files.readString(dir.resolve("plain.svg")).contains("visited"), "a cleared overlay is gone");
	}

	private static VisitedStep step(String path) {
		return new VisitedStep("Cockpit", "Climate", path);
	}

	private Set<String> takenEdges() {
		return view.diagram().graph().edges().stream().filter(edge -> view.highlight().taken().contains(edge.id()))
				.map(edge -> edge.source() + ">" + edge.target()).collect(Collectors.toSet());
	}

	private void undo() throws InterruptedException {
		String before = document.get();
		editor.getAction(ITextEditorActionConstants.UNDO).run();
		Screen.waitFor(() -> !document.get().equals(before), "the undone edit taken back in the text");
	}

	private static List<String> errors(String text) {
		return CabinLanguage.sources().load(Path.of("cockpit.cabin"), text).problems().stream()
				.filter(problem -> problem.severity() == Problem.Severity.ERROR).map(Problem::format).toList();
	}

	private static Point center(Box box) {
		return new Point(box.x() + box.width() / 2, box.y() + box.height() / 2);
	}

	private void click(String nodeId) throws InterruptedException {
		click(nodeId, 1);
	}

	/* Presses and releases the button on the middle of the box. */
	private void click(String nodeId, int button) throws InterruptedException {
		org.eclipse.swt.graphics.Point onCanvas = view.canvas().toCanvas(center(view.diagram().box(nodeId)));
		for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
			Event event = new Event();
			event.button = button;
			event.x = onCanvas.x;
			event.y = onCanvas.y;
			view.canvas().notifyListeners(type, event);
		}
		Screen.waitFor(() -> nodeId.equals(view.selection()), "the clicked box " + nodeId + " selected");
	}

	/** Whether the top border of the box, drawn at 100 % in the middle of the canvas, has (nearly) the colour. */
	private boolean borderHas(String nodeId, Rgb color) throws InterruptedException {
		view.canvas().zoomTo(1, nodeId);
		org.eclipse.swt.graphics.Rectangle size = view.canvas().getClientArea();
		Image image = new Image(view.canvas().getDisplay(), size.width, size.height);
		GC gc = new GC(image);
		ImageData pixels;
		try {
			view.canvas().print(gc);
			pixels = image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
		Box box = view.diagram().box(nodeId);
		org.eclipse.swt.graphics.Point top = view.canvas().toCanvas(new Point(box.x() + box.width() / 3, box.y()));
		for (int y = Math.max(0, top.y - 3); y <= Math.min(pixels.height - 1, top.y + 3); y++) {
			RGB pixel = pixels.palette.getRGB(pixels.getPixel(top.x, y));
			if (Math.abs(pixel.red - color.red()) + Math.abs(pixel.green - color.green())
					+ Math.abs(pixel.blue - color.blue()) < 60) {
				return true;
			}
		}
		return false;
	}

	/** Hides the other views and gives the diagram (below the editor) a little more than half the height. */
	private void showOnlyTheEditorAndTheDiagram() throws InterruptedException {
		IWorkbenchPage page = view.getSite().getPage();
		for (IViewReference other : page.getViewReferences()) {
			if (!other.getId().equals(DiagramView.ID)) {
				page.hideView(other);
			}
		}
		MPart part = view.getSite().getService(MPart.class);
		// a view is shown through a placeholder in its stack
		MUIElement stack = (part.getCurSharedRef() != null ? part.getCurSharedRef() : part).getParent();
		for (MUIElement sibling : stack.getParent().getChildren()) {
			sibling.setContainerData(sibling == stack ? "55" : "45");
		}
		if (stack.getParent().getWidget() instanceof Composite sash) {
			sash.layout(true, true);
		}
		Screen.waitFor(() -> stack.getParent().getChildren().stream()
				.allMatch(sibling -> sibling == stack || height(sibling) < height(stack)),
				"the diagram's stack laid out taller than the editor's");
	}

	private static int height(MUIElement element) {
		return element.getWidget() instanceof Control control ? control.getSize().y : 0;
	}
}
