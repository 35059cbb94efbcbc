package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Content assist from the language's proposal provider: keywords, names of intents, flows, tools and agents,
 * VSS paths one level at a time (typing a dot asks for the next level), slots and the values an entity or a
 * signal allows.
 */
public class CabinContentAssistProcessor implements IContentAssistProcessor {

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		CabinDocument cabin = CabinDocument.of(viewer.getDocument());
		if (cabin == null) {
			return new ICompletionProposal[0];
		}
		List<ICompletionProposal> proposals = new ArrayList<>();
		try {
			cabin.syncAndAwaitBuild();
			CompletionParams params = new CompletionParams(cabin.identifier(), cabin.position(offset));
			Either<List<CompletionItem>, CompletionList> answer = CabinLanguageService
					.await(CabinLanguageService.get().request(server -> server.completion(params)));
			List<CompletionItem> items = answer == null ? List.of()
					: answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
			for (CompletionItem item : items) {
				proposals.add(proposal(cabin, item, offset));
			}
		} catch (BadLocationException e) {
			// the caret is outside the document as the server knows it: no proposals
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	private static ICompletionProposal proposal(CabinDocument cabin, CompletionItem item, int offset)
			throws BadLocationException {
		String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
		int start = offset;
		int length = 0;
		if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
			TextEdit edit = item.getTextEdit().getLeft();
			int[] region = cabin.region(edit.getRange());
			start = region[0];
			length = region[1];
			text = edit.getNewText();
		}
		String display = item.getDetail() == null || item.getDetail().isBlank() ? item.getLabel()
				: item.getLabel() + " - " + item.getDetail();
		return new CompletionProposal(text, start, length, text.length(), null, display, null, documentation(item));
	}

	private static String documentation(CompletionItem item) {
		if (item.getDocumentation() == null) {
			return null;
		}
		Either<String, MarkupContent> documentation = item.getDocumentation();
		return documentation.isLeft() ? documentation.getLeft() : documentation.getRight().getValue();
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '.' };
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
