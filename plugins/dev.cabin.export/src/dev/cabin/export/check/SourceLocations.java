package dev.cabin.export.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

import dev.cabin.export.profile.Location;

/**
 * Where model elements are written, as {@link Location}s in the paths the user gave (not the absolute URIs the
 * resources were loaded under), so that export problems read like {@code cabin check}'s.
 */
public final class SourceLocations {

	private final Map<String, Path> givenByAbsolute = new HashMap<>();

	public SourceLocations(List<Path> givenPaths) {
		for (Path path : givenPaths) {
			givenByAbsolute.put(path.toAbsolutePath().normalize().toString(), path);
		}
	}

	public Path fileOf(EObject object) {
		Resource resource = object.eResource();
		if (resource == null || !resource.getURI().isFile()) {
			return Path.of(resource == null ? "?" : resource.getURI().toString());
		}
		String absolute = resource.getURI().toFileString();
		return givenByAbsolute.getOrDefault(absolute, Path.of(absolute));
	}

	public Location of(EObject object) {
		return at(object, NodeModelUtils.findActualNodeFor(object));
	}

	/** Where the value of the feature is written, or the object itself. */
	public Location of(EObject object, EStructuralFeature feature, int index) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		return nodes.size() > index ? at(object, nodes.get(index)) : of(object);
	}

	private Location at(EObject object, INode node) {
		Path file = fileOf(object);
		if (node == null) {
			return Location.startOf(file);
		}
		LineAndColumn position = NodeModelUtils.getLineAndColumn(node, node.getOffset());
		return new Location(file, position.getLine(), position.getColumn(), node.getOffset());
	}
}
