package dev.cabin.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;

/** The name (a word, or a dotted VSS path) around an offset of a document. */
final class NameRegions {

	private NameRegions() {
	}

	static IRegion at(IDocument document, int offset) throws BadLocationException {
		int start = offset;
		while (start > 0 && isNamePart(document.getChar(start - 1))) {
			start--;
		}
		int end = offset;
		while (end < document.getLength() && isNamePart(document.getChar(end))) {
			end++;
		}
		return new Region(start, end - start);
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.';
	}
}
