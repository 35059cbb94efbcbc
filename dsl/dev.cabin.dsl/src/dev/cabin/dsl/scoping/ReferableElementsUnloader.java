package dev.cabin.dsl.scoping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;

import dev.cabin.dsl.cabin.CabinPackage;

/**
 * Before a re-parse replaces a file's model, turns into proxies only the objects that a cross-reference can
 * point to (agents, intents, slots, entities, flows, tools), so that other files' references to them resolve
 * again to the new model. Xtext's default turns every object into one, computing each one's URI: on a large
 * agent (thousands of example phrases, flow steps and conditions, none of which can be referred to) that was a
 * sixth of every keystroke's work in the editor. Subtrees that cannot hold anything referable are not visited.
 */
public class ReferableElementsUnloader implements IReferableElementsUnloader {

	/** The classes that cross-references point to, and their subclasses. */
	private static final Set<EClass> REFERABLE = new HashSet<>();

	/** The classes whose contents may hold (at any depth) an object of a referable class. */
	private static final Set<EClass> HOLDING = new HashSet<>();

	static {
		List<EClass> classes = CabinPackage.eINSTANCE.getEClassifiers().stream()
				.filter(EClass.class::isInstance).map(EClass.class::cast).toList();
		Set<EClass> targets = new HashSet<>();
		for (EClass type : classes) {
			for (EReference reference : type.getEReferences()) {
				if (!reference.isContainment() && !reference.isContainer()) {
					targets.add(reference.getEReferenceType());
				}
			}
		}
		classes.stream().filter(type -> targets.stream().anyMatch(target -> target.isSuperTypeOf(type)))
				.forEach(REFERABLE::add);
		boolean grown = true;
		while (grown) {
			grown = false;
			for (EClass type : classes) {
				if (!HOLDING.contains(type) && type.getEAllContainments().stream()
						.anyMatch(containment -> classes.stream().anyMatch(contained -> containment
								.getEReferenceType().isSuperTypeOf(contained)
								&& (referable(contained) || HOLDING.contains(contained))))) {
					HOLDING.add(type);
					grown = true;
				}
			}
		}
	}

	@Override
	public void unloadRoot(EObject root) {
		// all URIs first: an object's URI is its path from the root, which must not change while computing them
		List<EObject> unloaded = new ArrayList<>();
		List<URI> uris = new ArrayList<>();
		unloaded.add(root);
		uris.add(EcoreUtil.getURI(root));
		TreeIterator<EObject> contents = EcoreUtil.getAllProperContents(root, false);
		while (contents.hasNext()) {
			EObject object = contents.next();
			if (referable(object.eClass())) {
				unloaded.add(object);
				uris.add(EcoreUtil.getURI(object));
			}
			if (!holding(object.eClass())) {
				contents.prune();
			}
		}
		for (int i = 0; i < unloaded.size(); i++) {
			EObject object = unloaded.get(i);
			object.eAdapters().clear();
			((InternalEObject) object).eSetProxyURI(uris.get(i));
		}
	}

	private static boolean referable(EClass type) {
		return !isCabin(type) || REFERABLE.contains(type);
	}

	private static boolean holding(EClass type) {
		return !isCabin(type) || HOLDING.contains(type);
	}

	/* A class of another package is treated as referable and holding, as Xtext's default treats every object. */
	private static boolean isCabin(EClassifier type) {
		return type.getEPackage() == CabinPackage.eINSTANCE;
	}
}
