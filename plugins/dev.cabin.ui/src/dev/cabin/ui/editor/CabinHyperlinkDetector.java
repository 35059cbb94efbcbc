package dev.cabin.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * Ctrl+click (or F3) on a name opens its declaration: an intent, flow, tool or agent, also in an imported file,
 * and a slot named in a condition or a reply.
 */
public class CabinHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		CabinDocument cabin = CabinDocument.of(viewer.getDocument());
		if (cabin == null) {
			return null;
		}
		try {
			IRegion name = NameRegions.at(viewer.getDocument(), region.getOffset());
			if (name.getLength() == 0) {
				return null;
			}
			cabin.syncAndAwaitBuild();
			DefinitionParams params = new DefinitionParams(cabin.identifier(), cabin.position(region.getOffset()));
			Either<List<? extends Location>, List<? extends LocationLink>> answer = CabinLanguageService
					.await(CabinLanguageService.get().request(server -> server.definition(params)));
			List<IHyperlink> links = new ArrayList<>();
			if (answer != null && answer.isLeft()) {
				for (Location location : answer.getLeft()) {
					links.add(new LocationHyperlink(name, location.getUri(), location.getRange()));
				}
			} else if (answer != null) {
				for (LocationLink link : answer.getRight()) {
					links.add(new LocationHyperlink(name, link.getTargetUri(), link.getTargetSelectionRange()));
				}
			}
			return links.isEmpty() ? null : links.toArray(IHyperlink[]::new);
		} catch (BadLocationException e) {
			return null;
		}
	}
}
