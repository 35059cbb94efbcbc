package dev.cabin.compiler;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Where a model element is written: what conversation tests carry and what compile errors name. */
final class SourcePositions {

	private SourcePositions() {
	}

	static int line(EObject object) {
		INode node = NodeModelUtils.findActualNodeFor(object);
		return node == null ? 0 : node.getStartLine();
	}

	static String sourceOf(EObject object) {
		if (object.eResource() == null) {
			return "?";
		}
		var uri = object.eResource().getURI();
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}

	/** {@code FILE:LINE}, the start of a compile error's message. */
	static String location(EObject object) {
		return sourceOf(object) + ":" + line(object);
	}
}
