package dev.cabin.dsl.ide.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.LightweightPosition;
import org.eclipse.xtext.ide.editor.syntaxcoloring.MergingHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.cabin.dsl.ide.highlighting.CabinHighlightingCalculator;

/**
 * Semantic tokens from the Cabin highlighting: the legend is the calculator's styles (LSP token type names),
 * and each position is encoded with its index in that legend as the protocol defines it.
 */
public class CabinSemanticTokensService extends SemanticTokensService {

	@Override
	public List<String> getTokenTypes() {
		return CabinHighlightingCalculator.STYLES;
	}

	@Override
	public List<String> getTokenModifiers() {
		return List.of();
	}

	@Override
	public SemanticTokens semanticTokensFull(Document document, XtextResource resource, SemanticTokensParams params,
			CancelIndicator cancelIndicator) {
		List<Integer> data = new ArrayList<>();
		if (document == null || resource == null) {
			return new SemanticTokens(data);
		}
		ISemanticHighlightingCalculator calculator = resource.getResourceServiceProvider()
				.get(ISemanticHighlightingCalculator.class);
		MergingHighlightedPositionAcceptor acceptor = new MergingHighlightedPositionAcceptor(calculator);
		calculator.provideHighlightingFor(resource, acceptor, cancelIndicator);
		acceptor.mergePositions();
		List<LightweightPosition> positions = new ArrayList<>(acceptor.getPositions());
		positions.sort(Comparator.comparingInt(LightweightPosition::getOffset));
		int lastLine = 0;
		int lastCharacter = 0;
		for (LightweightPosition position : positions) {
			int type = tokenType(position.getIds());
			if (type < 0 || position.getLength() <= 0) {
				continue;
			}
			Position start = document.getPosition(position.getOffset());
			Position end = document.getPosition(position.getOffset() + position.getLength());
			if (start.getLine() != end.getLine()) {
				continue; // a token of the protocol stays on one line
			}
			data.add(start.getLine() - lastLine);
			data.add(start.getLine() == lastLine ? start.getCharacter() - lastCharacter : start.getCharacter());
			data.add(position.getLength());
			data.add(type);
			data.add(0);
			lastLine = start.getLine();
			lastCharacter = start.getCharacter();
		}
		return new SemanticTokens(data);
	}

	private int tokenType(String[] ids) {
		for (int i = ids.length - 1; i >= 0; i--) {
			int index = getTokenTypes().indexOf(ids[i]);
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}
}
