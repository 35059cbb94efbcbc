package dev.cabin.dsl.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.refactoring.IRenameStrategy2;
import org.eclipse.xtext.ide.refactoring.RenameChange;
import org.eclipse.xtext.ide.refactoring.RenameContext;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.LocalizedText;
import dev.cabin.dsl.cabin.Reference;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.validation.References;
import dev.cabin.dsl.validation.Templates;

/**
 * Renaming a slot renames it everywhere it is named, also where it is text: conditions ({@code temp > 28}),
 * reply markers ({@code {temp}}) and example utterances ({@code {temp}} or {@code {temp=22}}).
 */
public class CabinRenameStrategy extends IRenameStrategy2.DefaultImpl {

	/* Runs inside the change serializer's recording of the resource: the changes are made directly. */
	@Override
	protected void doRename(EObject target, RenameChange change, RenameContext context) {
		if (!(target instanceof Slot slot)) {
			super.doRename(target, change, context);
			return;
		}
		String oldName = slot.getName();
		Agent agent = EcoreUtil2.getContainerOfType(slot, Agent.class);
		// names in conditions and replies mean the first slot of that name among the agent's intents
		boolean namedAsText = agent != null && References.slotsOf(agent).get(oldName) == slot;
		super.doRename(target, change, context);
		String newName = change.getNewName();
		if (namedAsText) {
			for (Reference reference : EcoreUtil2.getAllContentsOfType(agent, Reference.class)) {
				if (oldName.equals(reference.getPath())) {
					reference.setPath(newName);
				}
			}
			for (LocalizedText text : EcoreUtil2.getAllContentsOfType(agent, LocalizedText.class)) {
				String renamed = renameMarkers(text.getText(), oldName, newName);
				if (renamed != null) {
					text.setText(renamed);
				}
			}
		}
		if (slot.eContainer() instanceof Intent intent) {
			for (LocalizedPhrases phrases : intent.getUtterances()) {
				for (int i = 0; i < phrases.getTexts().size(); i++) {
					String renamed = renameMarkers(phrases.getTexts().get(i), oldName, newName);
					if (renamed != null) {
						phrases.getTexts().set(i, renamed);
					}
				}
			}
		}
	}

	/** The text with the markers naming the old name renamed, or {@code null} when it has none. */
	private static String renameMarkers(String text, String oldName, String newName) {
		if (text == null) {
			return null;
		}
		StringBuilder renamed = new StringBuilder();
		int from = 0;
		boolean changed = false;
		for (Templates.Marker marker : Templates.markers(text)) {
			if (marker.name().equals(oldName)) {
				renamed.append(text, from, marker.start()).append('{').append(newName)
						.append(marker.value() != null ? "=" + marker.value() : "").append('}');
				from = marker.end();
				changed = true;
			}
		}
		return changed ? renamed.append(text.substring(from)).toString() : null;
	}
}
