package dev.cabin.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Handoff;
import dev.cabin.dsl.validation.References;

/**
 * Scopes beyond the containers' qualified names: {@code ask temp} finds the slot {@code temp} of any of the
 * agent's intents by its simple name; {@code handoff to CarGenius with WarningLight} finds the intent in the
 * agent handed off to.
 */
public class CabinScopeProvider extends AbstractCabinScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == CabinPackage.Literals.ASK__SLOT) {
			Agent agent = EcoreUtil2.getContainerOfType(context, Agent.class);
			if (agent != null) {
				return Scopes.scopeFor(References.slotsOf(agent).values(), super.getScope(context, reference));
			}
		}
		if (reference == CabinPackage.Literals.HANDOFF__INTENT && context instanceof Handoff handoff
				&& handoff.getAgent() != null && !handoff.getAgent().eIsProxy()) {
			return Scopes.scopeFor(handoff.getAgent().getIntents(), super.getScope(context, reference));
		}
		return super.getScope(context, reference);
	}
}
