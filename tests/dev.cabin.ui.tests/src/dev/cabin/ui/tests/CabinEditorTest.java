package dev.cabin.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cabin.testing.Repository;
import dev.cabin.testing.Screen;

/** Cabin Studio's editor in a live workbench, used as an author would use it. */
class CabinEditorTest {

	private static final String ERROR_ANNOTATION = "org.eclipse.ui.workbench.texteditor.error";

	private IProject project;

	@BeforeEach
	void createProjectWithTheExample() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("car-genius");
		project.create(null);
		project.open(null);
		try (InputStream example = Files.newInputStream(Repository.carGenius())) {
			project.getFile("car-genius.cabin").create(example, true, null);
		}
	}

	@AfterEach
	void closeEditorsAndDeleteProject() throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, null);
	}

	@Test
	void aBrokenReferenceTypedIntoTheExampleIsAnnotatedAtItsLine() throws Exception {
		IFile file = project.getFile("car-genius.cabin");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = IDE.openEditor(page, file);
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId(),
				".cabin files open in the Generic Editor with the Cabin services");
		ITextEditor textEditor = (ITextEditor) editor;
		IDocument document = textEditor.getDocumentProvider().getDocument(textEditor.getEditorInput());
		ISourceViewer viewer = (ISourceViewer) textEditor.getAdapter(ITextOperationTarget.class);
		Screen.waitFor(() -> viewer.getAnnotationModel() != null, "the annotation model");
		assertEquals(List.of(), errorLines(viewer, document), "the example has no errors");

		int line = lineOf(document, "on voice OilChange -> flow OilService");
		int offset = document.getLineOffset(line - 1) + document.get(document.getLineOffset(line - 1),
				document.getLineLength(line - 1)).indexOf("OilService");
		document.replace(offset, "OilService".length(), "OilServise");

		Screen.waitFor(() -> !errorLines(viewer, document).isEmpty(), "an error annotation");
		assertEquals(List.of(line), errorLines(viewer, document));
		textEditor.selectAndReveal(offset, "OilServise".length());
		Screen.screenshot("editor-with-error");
	}

	private static List<Integer> errorLines(ISourceViewer viewer, IDocument document) {
		IAnnotationModel model = viewer.getAnnotationModel();
		List<Integer> lines = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (ERROR_ANNOTATION.equals(annotation.getType())) {
				try {
					lines.add(document.getLineOfOffset(model.getPosition(annotation).getOffset()) + 1);
				} catch (BadLocationException e) {
					throw new AssertionError(e);
				}
			}
		}
		return lines;
	}

	private static int lineOf(IDocument document, String text) throws BadLocationException {
		return document.getLineOfOffset(document.get().indexOf(text)) + 1;
	}
}
