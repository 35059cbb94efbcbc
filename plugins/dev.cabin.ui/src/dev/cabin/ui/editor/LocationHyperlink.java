package dev.cabin.ui.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.Range;

/** A link to a place in a .cabin file of the workspace. */
final class LocationHyperlink implements IHyperlink {

	private final IRegion region;
	private final String uri;
	private final Range target;

	LocationHyperlink(IRegion region, String uri, Range target) {
		this.region = region;
		this.uri = uri;
		this.target = target;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return region;
	}

	@Override
	public String getTypeLabel() {
		return "Declaration";
	}

	@Override
	public String getHyperlinkText() {
		return "Open Declaration";
	}

	@Override
	public void open() {
		Editors.open(uri, target);
	}
}
