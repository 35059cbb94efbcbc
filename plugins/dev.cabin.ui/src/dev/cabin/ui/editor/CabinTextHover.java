package dev.cabin.ui.editor;

import java.util.stream.Collectors;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import dev.cabin.ui.language.CabinDocument;
import dev.cabin.ui.language.CabinLanguageService;

/**
 * What the name under the pointer is: an intent with its examples, a flow, a VSS signal with its type, unit and
 * description, a slot. The text comes from the language's hover service (computed off the UI thread, where
 * the platform asks for hovers).
 */
public class CabinTextHover implements ITextHover {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		CabinDocument cabin = CabinDocument.of(viewer.getDocument());
		if (cabin == null) {
			return null;
		}
		try {
			cabin.syncAndAwaitBuild();
			HoverParams params = new HoverParams(cabin.identifier(), cabin.position(region.getOffset()));
			Hover hover = CabinLanguageService.await(CabinLanguageService.get().request(server -> server.hover(params)));
			return hover == null || hover.getContents() == null ? null : plainText(hover);
		} catch (BadLocationException e) {
			return null;
		}
	}

	/* The hover's markdown as the default hover shows it: plain text, without code fences and emphasis marks. */
	private static String plainText(Hover hover) {
		String text;
		if (hover.getContents().isRight()) {
			text = hover.getContents().getRight().getValue();
		} else {
			text = hover.getContents().getLeft().stream()
					.map((Either<String, MarkedString> part) -> part.isLeft() ? part.getLeft() : part.getRight().getValue())
					.collect(Collectors.joining("\n\n"));
		}
		String plain = text.replaceAll("(?m)^```\\w*\\s*$\\n?", "").replace("**", "").replace("`", "").strip();
		return plain.isEmpty() ? null : plain;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		try {
			return NameRegions.at(viewer.getDocument(), offset);
		} catch (BadLocationException e) {
			return new Region(offset, 0);
		}
	}
}
