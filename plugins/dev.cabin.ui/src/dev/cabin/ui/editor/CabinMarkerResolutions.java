package dev.cabin.ui.editor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import dev.cabin.ui.language.CabinLanguageService;
import dev.cabin.ui.language.DocumentUris;

/**
 * Quick fixes of the builder's markers (Problems view, or Ctrl+1 on a marker in the editor): the language's
 * fixes for the server's diagnostic of the same code on the same line.
 */
public class CabinMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return marker.getAttribute(CabinMarkers.CODE, null) != null;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file) || file.getLocation() == null) {
			return new IMarkerResolution[0];
		}
		String uri = DocumentUris.of(file.getLocation());
		String code = marker.getAttribute(CabinMarkers.CODE, "");
		int line = marker.getAttribute(IMarker.LINE_NUMBER, 0) - 1;
		List<Diagnostic> matching = CabinLanguageService.get().diagnostics(uri).stream()
				.filter(diagnostic -> diagnostic.getCode() != null && code.equals(diagnostic.getCode().getLeft())
						&& diagnostic.getRange().getStart().getLine() == line)
				.limit(1).toList();
		return CabinQuickAssistProcessor.CodeActions.of(new TextDocumentIdentifier(uri), matching).stream()
				.map(Resolution::new).toArray(IMarkerResolution[]::new);
	}

	private record Resolution(CodeAction action) implements IMarkerResolution {
		@Override
		public String getLabel() {
			return action.getTitle();
		}

		@Override
		public void run(IMarker marker) {
			WorkspaceEdits.applyFix(action);
		}
	}
}
