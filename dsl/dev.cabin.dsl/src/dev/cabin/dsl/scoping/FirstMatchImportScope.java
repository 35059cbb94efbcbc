package dev.cabin.dsl.scoping;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.resource.impl.AliasedEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportScope;

/**
 * An import scope that answers a lookup of one element by the first element of the name. The scopes of
 * containers have a single normalizer (their own name), where that is the element Xtext's scope returns too,
 * after it has collected all the elements of the name. With several normalizers an ambiguity between them
 * must be detected, so the lookup is Xtext's.
 */
final class FirstMatchImportScope extends ImportScope {

	private final ImportNormalizer single;
	private final EClass type;

	FirstMatchImportScope(List<ImportNormalizer> normalizers, IScope parent, ISelectable importFrom, EClass type,
			boolean ignoreCase) {
		super(normalizers, parent, importFrom, type, ignoreCase);
		Set<ImportNormalizer> distinct = new LinkedHashSet<>(normalizers);
		this.single = distinct.size() == 1 ? distinct.iterator().next() : null;
		this.type = type;
	}

	@Override
	protected IEObjectDescription getSingleLocalElementByName(QualifiedName name) {
		if (single == null) {
			return super.getSingleLocalElementByName(name);
		}
		QualifiedName resolved = single.resolve(name);
		if (resolved == null) {
			return null;
		}
		Iterator<IEObjectDescription> found = getImportFrom().getExportedObjects(type, resolved, isIgnoreCase())
				.iterator();
		if (!found.hasNext()) {
			return null;
		}
		IEObjectDescription first = found.next();
		return new AliasedEObjectDescription(single.deresolve(first.getName()), first);
	}
}
