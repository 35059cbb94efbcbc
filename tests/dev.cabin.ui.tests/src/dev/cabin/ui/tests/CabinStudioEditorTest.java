package dev.cabin.ui.tests;

import static dev.cabin.ui.tests.EditorMarks.errorAnnotations;
import static dev.cabin.ui.tests.EditorMarks.nameStyleAt;
import static dev.cabin.ui.tests.EditorMarks.occurrences;
import static dev.cabin.ui.tests.Widgets.choose;
import static dev.cabin.ui.tests.Widgets.closePopup;
import static dev.cabin.ui.tests.Widgets.find;
import static dev.cabin.ui.tests.Widgets.popupItems;
import static dev.cabin.ui.tests.Widgets.pressOk;
import static dev.cabin.ui.tests.Widgets.selectionEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;
import dev.cabin.ui.editor.CabinMarkers;
import dev.cabin.ui.editor.CabinTextHover;

/**
 * Cabin Studio's editor, builder and wizards in a live workbench, used as an author would: a project made by
 * the New Cabin Project wizard from the Travel Companion example (which imports Car Genius), then typing,
 * content assist, problems and quick fixes, hover, go to declaration, outline, format and rename.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CabinStudioEditorTest {

	private static final String PROJECT = "travel";
	private static final String CAR_GENIUS = "car-genius/car-genius.cabin";
	private static final String TRAVEL = "travel-companion/travel-companion.cabin";
	private static final String LINKING = "org.eclipse.xtext.diagnostics.Diagnostic.Linking";

	private static IProject project;

	/** The wizard dialog with Finish pressable from the test. */
	private static final class Dialog extends WizardDialog {
		Dialog(IWizard wizard) {
			super(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
			setBlockOnOpen(false);
		}

		void next() {
			nextPressed();
		}

		void finish() {
			finishPressed();
		}
	}

	@BeforeAll
	static void createTheProjectWithTheWizard() throws Exception {
		dev.cabin.ui.project.wizards.NewCabinProjectWizard wizard = (dev.cabin.ui.project.wizards.NewCabinProjectWizard) PlatformUI
				.getWorkbench().getNewWizardRegistry().findWizard("dev.cabin.ui.project.newProjectWizard").createWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		Dialog dialog = new Dialog(wizard);
		dialog.open();
		find(dialog.getShell(), Text.class).setText(PROJECT);
		dialog.next();
		wizard.selectExample("Travel Companion");
		dialog.finish();
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		Screen.waitFor(() -> activeEditorName().equals("travel-companion.cabin"), "the example opened in the editor");
		waitForBuilds();
	}

	@AfterEach
	void closeEditorsWithoutSaving() {
		page().closeAllEditors(false);
	}

	@AfterAll
	static void deleteTheProject() throws Exception {
		page().closeAllEditors(false);
		project.delete(true, null);
	}

	@Test
	@Order(1)
	void theWizardsProjectIsACabinProjectWhoseAgentsAreCompiledIntoTheBuildFolder() throws Exception {
		assertTrue(project.hasNature("dev.cabin.ui.cabinNature"));
		assertTrue(project.getFile(CAR_GENIUS).exists(), "the imported example comes along");
		assertEquals(List.of(), markers(project, IMarker.SEVERITY_ERROR), "the examples have no errors");
		IFile ir = project.getFile("build/travel-companion/travel-companion.ir.json");
		assertTrue(ir.exists() && ir.isDerived(), "the IR is written, derived, to the build folder");
		String json = Files.readString(ir.getLocation().toFile().toPath());
		assertTrue(json.contains("\"TravelCompanion\""), json.substring(0, Math.min(200, json.length())));
		assertTrue(project.getFile("build/car-genius/car-genius.ir.json").exists());
	}

	@Test
	@Order(2)
	void theNewAgentFileWizardWritesAnAgentThatChecksWithoutProblems() throws Exception {
		dev.cabin.ui.project.wizards.NewCabinFileWizard wizard = (dev.cabin.ui.project.wizards.NewCabinFileWizard) PlatformUI
				.getWorkbench().getNewWizardRegistry().findWizard("dev.cabin.ui.project.newFileWizard").createWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		Dialog dialog = new Dialog(wizard);
		dialog.open();
		wizard.choose("/" + PROJECT, "seat-helper.cabin");
		dialog.finish();
		IFile file = project.getFile("seat-helper.cabin");
		Screen.waitFor(() -> activeEditorName().equals("seat-helper.cabin"), "the new file in the editor");
		waitForBuilds();
		assertTrue(text(editor()).startsWith("agent SeatHelper \"SeatHelper\" {"), text(editor()));
		assertEquals(List.of(), markers(file, IMarker.SEVERITY_WARNING));
		assertEquals(List.of(), markers(file, IMarker.SEVERITY_ERROR));
		assertTrue(project.getFile("build/seat-helper.ir.json").exists());
	}

	@Test
	@Order(3)
	void contentAssistProposesTheNextLevelOfAVssPathAndTheIntentsOfTheAgent() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IDocument document = document(editor);
		waitForHighlightingAt(viewer(editor), document.get().indexOf("flow OilService") + "flow ".length());
		int offset = endOfLine(document, "on voice OilChange -> flow OilService");
		type(editor, offset, "\n\ton signal Vehicle.");
		List<String> proposals = proposals(editor);
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("Speed")), proposals.toString());
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("Chassis")), proposals.toString());
		closePopup(viewer(editor()).getTextWidget());

		type(editor, document.get().indexOf("Vehicle.") + "Vehicle.".length(), "Chassis.");
		List<String> next = proposals(editor);
		assertTrue(next.stream().anyMatch(p -> p.startsWith("Axle")), next.toString());
		assertFalse(next.stream().anyMatch(p -> p.startsWith("Speed")), "only the level below Chassis: " + next);
		closePopup(viewer(editor()).getTextWidget());

		int line = document.get().indexOf("\ton signal Vehicle.Chassis.");
		document.replace(line, "\ton signal Vehicle.Chassis.".length(), "\ton voice ");
		type(editor, line + "\ton voice ".length(), "");
		List<String> intents = proposals(editor);
		List<String> names = intents.stream().map(p -> p.split(" ")[0]).toList();
		assertTrue(names.containsAll(List.of("TirePressure", "OilChange", "WarningLight")), intents.toString());
		choose(intents.stream().filter(p -> p.startsWith("WarningLight")).findFirst().orElseThrow());
		Screen.waitFor(() -> document.get().contains("\ton voice WarningLight"), "the chosen intent inserted");
		Screen.screenshot("editor-content-assist");
	}

	@Test
	@Order(4)
	void aBrokenReferenceIsAnnotatedAsYouTypeFixedByCtrl1AndMarkedOnSave() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IDocument document = document(editor);
		ISourceViewer viewer = viewer(editor);
		String original = document.get();
		int offset = document.get().indexOf("flow OilService") + "flow ".length();
		document.replace(offset, "OilService".length(), "OilServise");
		int line = document.getLineOfOffset(offset) + 1;

		Screen.waitFor(() -> errorAnnotations(viewer, LINKING).equals(List.of(line)),
				"the error annotation at line " + line + " while typing");
		editor.selectAndReveal(offset + 2, 0);
		((ITextOperationTarget) viewer).doOperation(ISourceViewer.QUICK_ASSIST);
		List<String> fixes = popupItems();
		assertEquals(1, fixes.stream().filter("Create the flow OilServise"::equals).count(), fixes.toString());
		Screen.screenshot("editor-quick-fix");
		choose("Create the flow OilServise");
		Screen.waitFor(() -> document.get().contains("flow OilServise {"), "the flow created by the quick fix");
		Screen.waitFor(() -> errorAnnotations(viewer, LINKING).isEmpty(), "the annotation gone after the fix");

		document.set(original);
		document.replace(offset, "OilService".length(), "OilServise");
		editor.doSave(new NullProgressMonitor());
		IFile file = project.getFile(CAR_GENIUS);
		waitForBuilds();
		List<IMarker> markers = markers(file, IMarker.SEVERITY_ERROR);
		assertEquals(1, markers.size(), markers.toString());
		assertEquals(LINKING, markers.get(0).getAttribute(CabinMarkers.CODE));
		assertEquals(line, markers.get(0).getAttribute(IMarker.LINE_NUMBER));
		assertFalse(project.getFile("build/car-genius/car-genius.ir.json").exists(), "no IR from a file with errors");
		// the marker and the annotation are one problem: Ctrl+1 offers its fix once
		editor.selectAndReveal(offset + 2, 0);
		((ITextOperationTarget) viewer).doOperation(ISourceViewer.QUICK_ASSIST);
		List<String> markedFixes = popupItems();
		assertEquals(1, markedFixes.stream().filter("Create the flow OilServise"::equals).count(), markedFixes.toString());
		closePopup(viewer(editor()).getTextWidget());

		document.set(original);
		editor.doSave(new NullProgressMonitor());
		waitForBuilds();
		assertEquals(List.of(), markers(file, IMarker.SEVERITY_ERROR));
		assertTrue(project.getFile("build/car-genius/car-genius.ir.json").exists());
	}

	@Test
	@Order(5)
	void aSavedProblemIsAnnotatedOnOpeningAndFixedFromTheProblemsViewWhenTheFileIsClosed() throws Exception {
		IFile file = project.getFile(CAR_GENIUS);
		Path path = file.getLocation().toFile().toPath();
		String original = Files.readString(path);
		file.setContents(new java.io.ByteArrayInputStream(
				original.replace("-> flow OilService", "-> flow OilServise").getBytes(StandardCharsets.UTF_8)), true, false,
				null);
		waitForBuilds();
		// the server's build of the opened text is shown, before anything is typed
		ITextEditor editor = open(CAR_GENIUS);
		int line = document(editor).getLineOfOffset(document(editor).get().indexOf("-> flow OilServise")) + 1;
		Screen.waitFor(() -> errorAnnotations(viewer(editor), LINKING).equals(List.of(line)),
				"the saved problem annotated at line " + line + " on opening");
		page().closeAllEditors(false);

		IMarker marker = markers(file, IMarker.SEVERITY_ERROR).get(0);
		Screen.waitFor(() -> IDE.getMarkerHelpRegistry().getResolutions(marker).length > 0,
				"the language server's diagnostics of the saved file");
		org.eclipse.ui.IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertEquals(List.of("Create the flow OilServise"), Arrays.stream(resolutions).map(r -> r.getLabel()).toList());
		resolutions[0].run(marker);
		assertTrue(Files.readString(path).contains("flow OilServise {"), "the file is fixed and saved");
		waitForBuilds();
		assertEquals(List.of(), markers(file, IMarker.SEVERITY_ERROR));
		Files.copy(Repository.carGenius(), path, StandardCopyOption.REPLACE_EXISTING);
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		waitForBuilds();
	}

	@Test
	@Order(6)
	void hoverSaysWhatASignalIsNamesAreColouredByWhatTheyNameAndOccurrencesAreMarked() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IDocument document = document(editor);
		ISourceViewer viewer = viewer(editor);
		int signal = document.get().indexOf("Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure") + 20;
		CompletableFuture<String> hover = CompletableFuture.supplyAsync(() -> {
			CabinTextHover texts = new CabinTextHover();
			return texts.getHoverInfo(viewer, texts.getHoverRegion(viewer, signal));
		});
		Screen.waitFor(hover::isDone, "the hover text");
		String info = hover.get();
		assertNotNull(info);
		assertTrue(info.contains("Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure") && info.contains("kPa"), info);

		int flowReference = document.get().indexOf("-> flow OilService") + "-> flow ".length();
		Screen.waitFor(() -> nameStyleAt(viewer, flowReference) != null, "semantic highlighting of the flow reference");
		StyleRange style = nameStyleAt(viewer, flowReference);
		assertEquals(new RGB(0, 110, 110), style.foreground.getRGB(), "a flow's colour");
		assertEquals(SWT.BOLD, style.fontStyle & SWT.BOLD);
		StyleRange keyword = viewer.getTextWidget().getStyleRangeAtOffset(document.get().indexOf("-> flow") + 3);
		assertEquals(EditorMarks.KEYWORD, keyword.foreground.getRGB(), "a keyword's colour");

		editor.selectAndReveal(flowReference + 2, 0);
		int declaration = document.get().indexOf("flow OilService {") + "flow ".length();
		Screen.waitFor(() -> occurrences(viewer).equals(List.of(flowReference, declaration)),
				"the occurrences of the flow marked");
	}

	@Test
	@Order(7)
	void goToDeclarationOpensTheImportedAgent() throws Exception {
		ITextEditor editor = open(TRAVEL);
		IDocument document = document(editor);
		int reference = document.get().indexOf("handoff to CarGenius") + "handoff to ".length() + 3;
		waitForHighlightingAt(viewer(editor), reference);
		editor.selectAndReveal(reference, 0);
		PlatformUI.getWorkbench().getService(IHandlerService.class)
				.executeCommand("org.eclipse.ui.edit.text.open.hyperlink", null);
		Screen.waitFor(() -> activeEditorName().equals("car-genius.cabin"), "the imported file in an editor");
		ITextEditor declaration = editor();
		org.eclipse.jface.text.ITextSelection selection = (org.eclipse.jface.text.ITextSelection) declaration
				.getSelectionProvider().getSelection();
		assertEquals("CarGenius", selection.getText());
		assertTrue(document(declaration).get().substring(0, selection.getOffset()).endsWith("agent "));
	}

	@Test
	@Order(8)
	void theOutlineShowsTheAgentsDeclarationsAndSelectsThemInTheEditorWhichFoldsBlocks() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IViewPart outline = page().showView("org.eclipse.ui.views.ContentOutline");
		page().activate(editor);
		Tree tree = find((Composite) ((org.eclipse.ui.part.PageBookView) outline).getCurrentPage().getControl().getParent(),
				Tree.class);
		Screen.waitFor(() -> tree.getItemCount() > 0 && tree.getItem(0).getItemCount() > 0, "the outline");
		TreeItem agent = tree.getItem(0);
		assertTrue(agent.getText().startsWith("CarGenius"), agent.getText());
		List<String> children = Arrays.stream(agent.getItems()).map(TreeItem::getText).toList();
		assertTrue(children.stream().anyMatch(c -> c.startsWith("TirePressure")), children.toString());
		assertTrue(children.stream().anyMatch(c -> c.startsWith("OilService")), children.toString());
		TreeItem flow = Arrays.stream(agent.getItems()).filter(i -> i.getText().startsWith("OilService")).findFirst()
				.orElseThrow();
		tree.setSelection(flow);
		tree.notifyListeners(SWT.Selection, selectionEvent(flow));
		Screen.waitFor(() -> "OilService".equals(((org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider()
				.getSelection()).getText()), "the flow's name selected in the editor");
		ProjectionAnnotationModel folds = ((ProjectionViewer) viewer(editor)).getProjectionAnnotationModel();
		Screen.waitFor(() -> folds.getAnnotationIterator().hasNext(), "the folding of the agent's blocks");
		Screen.screenshot("editor");
	}

	@Test
	@Order(9)
	void formatLaysOutTheAgentAndOneUndoTakesItBack() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IDocument document = document(editor);
		String cramped = "agent A { locales en-US\nintent Hi { en-US: \"hi\",\"hello\" , \"hey\" }\n"
				+ "on voice Hi->flow F\nflow F { say \"Hi!\" end } }\n";
		document.set(cramped);
		waitForHighlightingAt(viewer(editor), cramped.indexOf("flow F") + 5);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("dev.cabin.ui.format", null);
		Screen.waitFor(() -> !document.get().equals(cramped), "the formatted text");
		assertEquals("""
				agent A {
					locales en-US
					intent Hi {
						en-US: "hi", "hello", "hey"
					}
					on voice Hi -> flow F
					flow F {
						say "Hi!"
						end
					}
				}
				""", document.get());
		((ITextOperationTarget) viewer(editor)).doOperation(ITextOperationTarget.UNDO);
		assertEquals(cramped, document.get(), "one undo restores the text before formatting");
	}

	@Test
	@Order(10)
	void renameChangesTheDeclarationAndEveryReferenceInOtherFilesAndUndoRestoresThem() throws Exception {
		ITextEditor editor = open(CAR_GENIUS);
		IDocument document = document(editor);
		int name = document.get().indexOf("agent CarGenius") + "agent ".length() + 2;
		waitForHighlightingAt(viewer(editor), name);
		editor.selectAndReveal(name, 0);
		Path travel = project.getFile(TRAVEL).getLocation().toFile().toPath();
		String travelBefore = Files.readString(travel);
		Display.getCurrent().timerExec(500, () -> answerRenameDialog("CarExpert"));
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("dev.cabin.ui.rename", null);
		assertTrue(document.get().contains("agent CarExpert \"Car Genius\""), "the declaration renamed");
		String travelAfter = Files.readString(travel);
		assertTrue(travelAfter.contains("handoff to CarExpert with WarningLight"), travelAfter);
		assertTrue(travelAfter.contains("expect handoff to CarExpert"), travelAfter);
		assertFalse(travelAfter.contains("CarGenius"), travelAfter);

		// Edit > Undo Rename; the workbench asks first, since the undo changes a file that is not open
		Display.getCurrent().timerExec(500, () -> pressOk(shell -> shell.getText().isEmpty() || !shell.getText()
				.startsWith("Rename")));
		RefactoringCore.getUndoManager().performUndo(null, new NullProgressMonitor());
		assertTrue(document.get().contains("agent CarGenius \"Car Genius\""));
		assertEquals(travelBefore, Files.readString(travel));
	}

	// ---- helpers: what an author sees and does

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private static String activeEditorName() {
		IEditorPart editor = page().getActiveEditor();
		return editor == null ? "" : editor.getEditorInput().getName();
	}

	private static ITextEditor editor() {
		return (ITextEditor) page().getActiveEditor();
	}

	private static ITextEditor open(String path) throws Exception {
		IEditorPart editor = IDE.openEditor(page(), project.getFile(path));
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		return (ITextEditor) editor;
	}

	private static IDocument document(ITextEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private static String text(ITextEditor editor) {
		return document(editor).get();
	}

	private static ISourceViewer viewer(ITextEditor editor) {
		return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	private static int endOfLine(IDocument document, String line) throws Exception {
		int offset = document.get().indexOf(line);
		assertTrue(offset >= 0, "no line " + line);
		return offset + line.length();
	}

	/* Types text at an offset and leaves the caret after it, as the keyboard would. */
	private static void type(ITextEditor editor, int offset, String text) throws Exception {
		document(editor).replace(offset, 0, text);
		editor.selectAndReveal(offset + text.length(), 0);
		Screen.waitFor(() -> ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset() == offset
				+ text.length(), "the caret after the typed text");
	}

	/* Ctrl+Space: the proposals the popup lists. */
	private static List<String> proposals(ITextEditor editor) throws Exception {
		page().activate(editor);
		viewer(editor).getTextWidget().setFocus();
		((ITextOperationTarget) viewer(editor)).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		return popupItems();
	}

	private static void answerRenameDialog(String newName) {
		pressOk(shell -> {
			if (!shell.getText().startsWith("Rename CarGenius")) {
				return false;
			}
			find(shell, Text.class).setText(newName);
			return true;
		});
	}

	/* The model of the text on screen has been built when the names in it are coloured. */
	private static void waitForHighlightingAt(ISourceViewer viewer, int offset) throws Exception {
		Screen.waitFor(() -> nameStyleAt(viewer, offset) != null, "the semantic highlighting of the text");
	}

	private static List<IMarker> markers(IResource resource, int severity) throws Exception {
		return Arrays.stream(resource.findMarkers(CabinMarkers.PROBLEM, true, IResource.DEPTH_INFINITE))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == severity).toList();
	}

	/* Auto-build runs in the workspace's build job after a change; wait until it has run. */
	private static void waitForBuilds() throws Exception {
		Screen.waitFor(() -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
				&& Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0, "the build", 120);
	}
}
