package dev.cabin.dsl.scoping;

import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IAcceptor;

/**
 * What other files a .cabin file sees: those it imports ({@code import "car-genius.cabin"}), with paths relative
 * to the importing file. Nothing else is visible, so that a project's files do not depend on what else an
 * editor or a command line happens to have loaded.
 */
public class CabinGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	/** An import's URI resolved against the importing resource's URI. */
	public static URI resolve(URI imported, URI importing) {
		if (imported.isRelative() && importing != null && importing.isHierarchical() && !importing.isRelative()) {
			return imported.resolve(importing);
		}
		return imported;
	}

	@Override
	protected IAcceptor<String> createURICollector(Resource resource, Set<URI> collectInto) {
		return new URICollector(resource.getResourceSet(), collectInto) {
			@Override
			public URI resolve(String uriAsString) {
				return CabinGlobalScopeProvider.resolve(super.resolve(uriAsString), resource.getURI());
			}
		};
	}
}
