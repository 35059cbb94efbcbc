package dev.cabin.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Entity;
import dev.cabin.dsl.cabin.Intent;

/**
 * What a file exports for references: agents, entities and their values, tools, intents and their slots,
 * flows, policies. The strategy does not descend into flows, triggers, texts or tests, which hold nothing that
 * is referred to by name; a large agent (tens of thousands of example utterances) is indexed in a fraction of
 * the time, on every edit.
 */
public class CabinResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		super.createEObjectDescriptions(object, acceptor);
		return object instanceof CabinFile || object instanceof Agent || object instanceof Intent
				|| object instanceof Entity;
	}
}
