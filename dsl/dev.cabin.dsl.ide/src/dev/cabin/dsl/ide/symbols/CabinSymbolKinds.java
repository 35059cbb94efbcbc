package dev.cabin.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

import dev.cabin.dsl.cabin.CabinPackage;

/** Outline icons: what each Cabin declaration is most like among the kinds LSP clients know. */
public class CabinSymbolKinds extends DocumentSymbolKindProvider {

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	@Override
	protected SymbolKind getSymbolKind(EClass type) {
		if (type == CABIN.getAgent()) {
			return SymbolKind.Class;
		}
		if (type == CABIN.getIntent()) {
			return SymbolKind.Interface;
		}
		if (type == CABIN.getFlow()) {
			return SymbolKind.Function;
		}
		if (type == CABIN.getTool()) {
			return SymbolKind.Method;
		}
		if (type == CABIN.getEntity()) {
			return SymbolKind.Enum;
		}
		if (type == CABIN.getEntityValue()) {
			return SymbolKind.EnumMember;
		}
		if (type == CABIN.getSlot() || type == CABIN.getToolParam()) {
			return SymbolKind.Field;
		}
		if (type == CABIN.getTrigger()) {
			return SymbolKind.Event;
		}
		if (type == CABIN.getPolicy()) {
			return SymbolKind.Struct;
		}
		if (type == CABIN.getConversationTest()) {
			return SymbolKind.Method;
		}
		return super.getSymbolKind(type);
	}
}
