package dev.cabin.dsl.ide.symbols;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.ide.TextReferences;
import dev.cabin.dsl.project.ProjectCatalogues;
import dev.cabin.dsl.validation.References;

/**
 * Definitions and references that include the names written as text: a slot named in a condition or in a
 * reply's marker leads to its declaration, and the references of a slot include those places.
 */
public class CabinDocumentSymbolService extends DocumentSymbolService {

	@Inject
	private ProjectCatalogues catalogues;

	@Inject
	private DocumentExtensions documents;

	@Inject
	private EObjectAtOffsetHelper objectAtOffset;

	@Override
	public List<? extends Location> getDefinitions(XtextResource resource, int offset,
			IReferenceFinder.IResourceAccess resourceAccess, CancelIndicator cancelIndicator) {
		TextReferences.Found found = TextReferences.at(resource, offset, catalogues.forResource(resource).catalogue());
		if (found != null) {
			EObject declaration = declaration(found.target());
			return declaration == null ? List.of() : List.of(documents.newLocation(declaration));
		}
		return super.getDefinitions(resource, offset, resourceAccess, cancelIndicator);
	}

	@Override
	public List<? extends Location> getReferences(XtextResource resource, int offset,
			IReferenceFinder.IResourceAccess resourceAccess, IResourceDescriptions indexData,
			CancelIndicator cancelIndicator) {
		EObject element = objectAtOffset.resolveElementAt(resource, offset);
		TextReferences.Found found = TextReferences.at(resource, offset, catalogues.forResource(resource).catalogue());
		int searchedOffset = offset;
		if (found != null && declaration(found.target()) instanceof Slot slot && slot.eResource() == resource) {
			// the cross references of the slot, as if asked at its declaration
			element = slot;
			searchedOffset = NodeModelUtils.findNodesForFeature(slot, CabinPackage.Literals.SLOT__NAME).get(0).getOffset();
		}
		List<Location> locations = new ArrayList<>(
				super.getReferences(resource, searchedOffset, resourceAccess, indexData, cancelIndicator));
		if (element instanceof Slot slot && slot.eResource() == resource) {
			for (TextReferences.Found reference : TextReferences.all(resource, catalogues.forResource(resource).catalogue())) {
				if (reference.target() instanceof References.SlotTarget target && target.slot() == slot) {
					locations.add(documents.newLocation(resource, new org.eclipse.xtext.util.TextRegion(reference.offset(),
							reference.length())));
				}
			}
		}
		return locations;
	}

	private static EObject declaration(References.Target target) {
		if (target instanceof References.SlotTarget slot) {
			return slot.slot();
		}
		if (target instanceof References.ParameterTarget parameter) {
			return parameter.parameter();
		}
		if (target instanceof References.ResultTarget result) {
			return result.call();
		}
		return null;
	}
}
