package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Ctrl+1 on a problem: the language's quick fixes for it (translate a missing locale, create a missing flow or
 * intent, the closest VSS path, declare a slot, an allowed value or unit). A problem the builder has also
 * marked is fixed from its marker (the editor offers the marker's resolutions), so it is not offered twice.
 */
public class CabinQuickAssistProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof DiagnosticAnnotation problem && problem.code() != null;
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IDocument document = context.getSourceViewer().getDocument();
		CabinDocument cabin = CabinDocument.of(document);
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		if (cabin == null || model == null) {
			return new ICompletionProposal[0];
		}
		List<Diagnostic> problems = new ArrayList<>();
		List<Integer> markedLines = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			if (position == null || !position.includes(context.getOffset())
					&& position.getOffset() + position.getLength() != context.getOffset()) {
				continue;
			}
			if (annotation instanceof DiagnosticAnnotation problem && problem.code() != null) {
				problems.add(problem.diagnostic());
			} else if (annotation instanceof MarkerAnnotation marker
					&& marker.getMarker().getAttribute(CabinMarkers.CODE, null) != null) {
				markedLines.add(marker.getMarker().getAttribute(org.eclipse.core.resources.IMarker.LINE_NUMBER, -1) - 1);
			}
		}
		problems.removeIf(problem -> markedLines.contains(problem.getRange().getStart().getLine()));
		if (problems.isEmpty()) {
			return new ICompletionProposal[0];
		}
		return CodeActions.of(cabin.identifier(), problems).stream().map(FixProposal::new)
				.toArray(ICompletionProposal[]::new);
	}

	/** A quick fix as a proposal of the quick assist popup. */
	private static final class FixProposal implements ICompletionProposal {
		private final CodeAction action;

		FixProposal(CodeAction action) {
			this.action = action;
		}

		@Override
		public void apply(IDocument document) {
			WorkspaceEdits.applyFix(action);
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return action.getTitle();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}

	/** The server's quick fixes for some diagnostics of a document. */
	static final class CodeActions {
		private CodeActions() {
		}

		static List<CodeAction> of(org.eclipse.lsp4j.TextDocumentIdentifier document, List<Diagnostic> problems) {
			List<CodeAction> actions = new ArrayList<>();
			for (Diagnostic problem : problems) {
				CodeActionParams params = new CodeActionParams(document, problem.getRange(),
						new CodeActionContext(List.of(problem)));
				List<Either<Command, CodeAction>> answer = CabinLanguageService
						.await(CabinLanguageService.get().request(server -> server.codeAction(params)));
				if (answer != null) {
					answer.stream().filter(Either::isRight).map(Either::getRight).filter(action -> action.getEdit() != null)
							.forEach(actions::add);
				}
			}
			return actions;
		}
	}
}
