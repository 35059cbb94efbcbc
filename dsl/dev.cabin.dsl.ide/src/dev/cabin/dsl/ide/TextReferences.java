package dev.cabin.dsl.ide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.cabin.dsl.cabin.ActuatorBinding;
import dev.cabin.dsl.cabin.CabinPackage;
import dev.cabin.dsl.cabin.GazeEvent;
import dev.cabin.dsl.cabin.GazeInput;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.SignalAssignment;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.validation.References;
import dev.cabin.dsl.validation.References.Target;
import dev.cabin.dsl.validation.Templates;
import dev.cabin.vss.VssCatalogue;

/**
 * The references that are text in the model, located in the source: VSS paths (conditions, actuator bindings,
 * gaze zones, test signals), names in expressions, and the markers in replies and example utterances. The IDE
 * services highlight them, show what they mean and jump to what they name.
 */
public final class TextReferences {

	/**
	 * A reference found in the source.
	 *
	 * @param offset where the path or the marker's name starts in the document
	 * @param target what it means (for example markers of utterances: a slot of the intent, or unknown)
	 */
	public record Found(EObject owner, int offset, int length, String path, Target target) {

		public boolean contains(int documentOffset) {
			return documentOffset >= offset && documentOffset <= offset + length;
		}
	}

	private static final CabinPackage CABIN = CabinPackage.eINSTANCE;

	private TextReferences() {
	}

	/** Every text reference of a resource, in document order. */
	public static List<Found> all(XtextResource resource, VssCatalogue catalogue) {
		List<Found> found = new ArrayList<>();
		if (resource.getContents().isEmpty()) {
			return found;
		}
		References.Resolver resolver = new References.Resolver(catalogue);
		EcoreUtil.getAllContents(resource.getContents().get(0), true).forEachRemaining(object -> {
			if (object instanceof EObject element) {
				collect(element, resolver, found);
			}
		});
		found.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		return found;
	}

	/** The text reference at a document offset, or {@code null}. */
	public static Found at(XtextResource resource, int offset, VssCatalogue catalogue) {
		if (resource.getParseResult() == null) {
			return null;
		}
		INode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		List<Found> found = new ArrayList<>();
		References.Resolver resolver = new References.Resolver(catalogue);
		for (EObject current = element; current != null && found.isEmpty(); current = current.eContainer()) {
			collect(current, resolver, found);
		}
		return found.stream().filter(f -> f.contains(offset)).findFirst().orElse(null);
	}

	private static void collect(EObject element, References.Resolver resolver, List<Found> found) {
		VssCatalogue catalogue = resolver.catalogue();
		if (element instanceof Reference reference) {
			path(reference, CABIN.getReference_Path(), reference.getPath(), resolver, found);
		} else if (element instanceof ActuatorBinding binding) {
			signal(binding, CABIN.getActuatorBinding_Path(), binding.getPath(), catalogue, found);
		} else if (element instanceof GazeEvent gaze) {
			zone(gaze, CABIN.getGazeEvent_Zone(), gaze.getZone(), catalogue, found);
		} else if (element instanceof GazeInput gaze) {
			zone(gaze, CABIN.getGazeInput_Zone(), gaze.getZone(), catalogue, found);
		} else if (element instanceof SignalAssignment assignment) {
			signal(assignment, CABIN.getSignalAssignment_Path(), assignment.getPath(), catalogue, found);
		} else if (element instanceof LocalizedText text && text.getText() != null) {
			markers(text, CABIN.getLocalizedText_Text(), 0, text.getText(), resolver, found, null);
		} else if (element instanceof LocalizedPhrases phrases && phrases.eContainer() instanceof Intent intent) {
			for (int i = 0; i < phrases.getTexts().size(); i++) {
				markers(phrases, CABIN.getLocalizedPhrases_Texts(), i, phrases.getTexts().get(i), resolver, found,
						intent);
			}
		}
	}

	private static void path(EObject owner, EStructuralFeature feature, String path, References.Resolver resolver,
			List<Found> found) {
		INode node = node(owner, feature, 0);
		if (path != null && node != null) {
			found.add(new Found(owner, node.getOffset(), node.getLength(), path, resolver.resolve(path, owner)));
		}
	}

	private static void signal(EObject owner, EStructuralFeature feature, String path, VssCatalogue catalogue,
			List<Found> found) {
		INode node = node(owner, feature, 0);
		if (path != null && node != null) {
			Target target = catalogue.node(path).<Target>map(References.SignalTarget::new)
					.orElseGet(() -> new References.UnknownSignal(path, catalogue.closest(path).orElse(null)));
			found.add(new Found(owner, node.getOffset(), node.getLength(), path, target));
		}
	}

	private static void zone(EObject owner, EStructuralFeature feature, String zone, VssCatalogue catalogue,
			List<Found> found) {
		INode node = node(owner, feature, 0);
		if (zone != null && node != null) {
			Target target = References.zone(zone, catalogue).<Target>map(References.SignalTarget::new)
					.orElseGet(() -> new References.UnknownSignal(zone, catalogue.closest(zone).orElse(null)));
			found.add(new Found(owner, node.getOffset(), node.getLength(), zone, target));
		}
	}

	private static void markers(EObject owner, EStructuralFeature feature, int index, String text,
			References.Resolver resolver, List<Found> found, Intent intent) {
		INode node = node(owner, feature, index);
		if (node == null) {
			return;
		}
		String source = node.getText();
		int searchFrom = 0;
		for (Templates.Marker marker : Templates.markers(text)) {
			if (marker.name().isEmpty()) {
				continue;
			}
			String markerText = text.substring(marker.start(), marker.end());
			int at = source.indexOf(markerText, searchFrom);
			if (at < 0) {
				continue;
			}
			searchFrom = at + markerText.length();
			int nameOffset = node.getOffset() + at + markerText.indexOf(marker.name());
			Target target;
			if (intent != null) {
				Slot slot = intent.getSlots().stream().filter(s -> marker.name().equals(s.getName())).findFirst().orElse(null);
				target = slot != null ? new References.SlotTarget(slot) : new References.Unknown(marker.name(), null);
			} else {
				target = resolver.resolve(marker.name(), owner);
			}
			found.add(new Found(owner, nameOffset, marker.name().length(), marker.name(), target));
		}
	}

	private static INode node(EObject owner, EStructuralFeature feature, int index) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, feature);
		return index < nodes.size() ? nodes.get(index) : null;
	}

	/** The slots of the agent around an object, by name (for completion). */
	public static Map<String, Slot> slots(EObject context) {
		return References.slotsOf(EcoreUtil2.getContainerOfType(context, dev.cabin.dsl.cabin.Agent.class));
	}
}
