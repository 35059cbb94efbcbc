package dev.cabin.dsl.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportScope;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;

/**
 * Xtext's scopes of names by their containers, linking each name to the first element of that name without
 * listing the others first: a file with a thousand copies of an agent (an error the validator reports) then
 * links in time proportional to its size, not to the square of the number of copies.
 */
public class CabinLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Override
	protected ImportScope createImportScope(IScope parent, List<ImportNormalizer> namespaceResolvers,
			ISelectable importFrom, EClass type, boolean ignoreCase) {
		return new FirstMatchImportScope(namespaceResolvers, parent, importFrom, type, ignoreCase);
	}
}
