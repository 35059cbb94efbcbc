package dev.cabin.dsl.ide;

import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.refactoring.IRenameStrategy2;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;

import dev.cabin.dsl.ide.codeactions.CabinCodeActionService;
import dev.cabin.dsl.ide.contentassist.CabinContentProposalProvider;
import dev.cabin.dsl.ide.highlighting.CabinHighlightingCalculator;
import dev.cabin.dsl.ide.hover.CabinHoverService;
import dev.cabin.dsl.ide.symbols.CabinDocumentSymbolService;
import dev.cabin.dsl.ide.symbols.CabinRenameStrategy;
import dev.cabin.dsl.ide.symbols.CabinSymbolKinds;
import dev.cabin.dsl.ide.symbols.CabinSymbolNames;

/**
 * The Cabin language's editing services, for any editor: Cabin Studio hosts them in-process, the language
 * server ({@code cabin lsp}) serves them to VS Code, Theia and other LSP clients.
 */
public class CabinIdeModule extends AbstractCabinIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return CabinContentProposalProvider.class;
	}

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return CabinHighlightingCalculator.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return CabinHoverService.class;
	}

	public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
		return CabinDocumentSymbolService.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
		return CabinSymbolNames.class;
	}

	public Class<? extends DocumentSymbolMapper.DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
		return CabinSymbolKinds.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return CabinCodeActionService.class;
	}

	@Override
	public Class<? extends IRenameStrategy2> bindIRenameStrategy2() {
		return CabinRenameStrategy.class;
	}

	public Class<? extends IShouldGenerate> bindIShouldGenerate() {
		return NothingToGenerate.class;
	}
}
