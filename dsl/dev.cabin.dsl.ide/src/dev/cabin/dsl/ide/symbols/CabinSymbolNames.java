package dev.cabin.dsl.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.SimpleAttributeResolver;

import dev.cabin.dsl.cabin.ConversationTest;
import dev.cabin.dsl.cabin.Policy;
import dev.cabin.dsl.cabin.Trigger;

/** Outline names: declarations by their name, triggers by what they react to, tests by their sentence. */
public class CabinSymbolNames extends DocumentSymbolNameProvider {

	@Override
	public String getName(EObject object) {
		if (object instanceof Trigger trigger) {
			String source = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(trigger));
			int arrow = source.indexOf("->");
			return (arrow > 0 ? source.substring(0, arrow) : source).strip();
		}
		if (object instanceof ConversationTest test) {
			return "test \"" + test.getName() + "\"";
		}
		if (object instanceof Policy policy) {
			return "policy " + policy.getName();
		}
		// the outline nests declarations, so their simple names suffice
		return SimpleAttributeResolver.NAME_RESOLVER.apply(object);
	}
}
