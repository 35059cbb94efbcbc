package dev.cabin.dsl.scoping;

import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IAcceptor;

import com.google.inject.Inject;

import dev.cabin.dsl.load.SourcePolicy;
import dev.cabin.dsl.project.ProjectCatalogues;

/**
 * What other files a .cabin file sees: those it imports ({@code import "car-genius.cabin"}), with paths relative
 * to the importing file. Nothing else is visible, so that a project's files do not depend on what else an
 * editor or a command line happens to have loaded. An import the {@link SourcePolicy} refuses (a URL, a file
 * outside the project, a device, ...) makes nothing visible and is never loaded; the validator says why.
 */
public class CabinGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	@Inject
	private ProjectCatalogues projects;

	@Override
	protected IAcceptor<String> createURICollector(Resource resource, Set<URI> collectInto) {
		return imported -> {
			if (imported != null) {
				SourcePolicy.Import checked = SourcePolicy.standard().checkImport(imported, resource.getURI(), projects);
				if (checked.admitted()) {
					collectInto.add(checked.uri());
				}
			}
		};
	}
}
