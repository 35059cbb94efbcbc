package dev.cabin.dsl.ide.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentPositionParams;

/**
 * The text of each document the client opened, as the client sees it, kept so that the positions of requests
 * and changes can be clamped to the document before Xtext sees them (Xtext fails on a position past a line's
 * end, and says so with the whole text in the message); and the documents refused as too large, which Xtext
 * never parses. Documents are keyed by the URI the client sends.
 */
final class OpenDocuments {

	/** What becomes of a change. */
	enum Change {
		/** Xtext applies the (clamped) change. */
		APPLY,
		/** The document grew too large: Xtext closes it. */
		REFUSE,
		/** A refused document fits again: Xtext opens it with the new text. */
		ADMIT,
		/** The document is not open, or still too large: nothing for Xtext. */
		IGNORE
	}

	/** A change's fate and the length of the text it made. */
	record Outcome(Change change, long length) {
	}

	private final Map<String, String> texts = new ConcurrentHashMap<>();
	private final Set<String> refused = ConcurrentHashMap.newKeySet();
	private final int maxChars;

	OpenDocuments(int maxChars) {
		this.maxChars = maxChars;
	}

	/** Opens a document; false when it is too large for Xtext. */
	boolean open(String uri, String text) {
		if (text.length() > maxChars) {
			refuse(uri);
			return false;
		}
		refused.remove(uri);
		texts.put(uri, text);
		return true;
	}

	void refuse(String uri) {
		texts.remove(uri);
		refused.add(uri);
	}

	/** Closes a document; false when Xtext did not have it open. */
	boolean close(String uri) {
		refused.remove(uri);
		return texts.remove(uri) != null;
	}

	boolean isOpen(String uri) {
		return texts.containsKey(uri);
	}

	boolean isRefused(String uri) {
		return refused.contains(uri);
	}

	String text(String uri) {
		return texts.get(uri);
	}

	/**
	 * Applies the changes of a didChange in their order, each against the text its predecessors left; clamps
	 * their ranges (in place, for Xtext to apply the same edits) and orders inverted ones.
	 */
	Outcome change(String uri, Iterable<TextDocumentContentChangeEvent> changes) {
		String text = texts.get(uri);
		if (text == null && !refused.contains(uri)) {
			return new Outcome(Change.IGNORE, 0);
		}
		long length = 0;
		for (TextDocumentContentChangeEvent change : changes) {
			String inserted = change.getText() == null ? "" : change.getText();
			if (change.getRange() == null) {
				text = inserted;
			} else if (text != null) {
				Range range = clamp(text, change.getRange());
				change.setRange(range);
				text = text.substring(0, offset(text, range.getStart())) + inserted
						+ text.substring(offset(text, range.getEnd()));
			}
			if (text != null && text.length() > maxChars) {
				length = text.length();
				text = null;
			}
		}
		boolean wasOpen = texts.containsKey(uri);
		if (text == null) {
			refuse(uri);
			return new Outcome(wasOpen ? Change.REFUSE : Change.IGNORE, length);
		}
		texts.put(uri, text);
		refused.remove(uri);
		return new Outcome(wasOpen ? Change.APPLY : Change.ADMIT, text.length());
	}

	/** Clamps the positions and ranges of a request on an open document to the document. */
	void clamp(String text, Object params) {
		if (params instanceof TextDocumentPositionParams positioned && positioned.getPosition() != null) {
			positioned.setPosition(clamp(text, positioned.getPosition()));
		} else if (params instanceof CodeActionParams actions) {
			actions.setRange(clamp(text, actions.getRange()));
			if (actions.getContext() != null && actions.getContext().getDiagnostics() != null) {
				for (Diagnostic diagnostic : actions.getContext().getDiagnostics()) {
					diagnostic.setRange(clamp(text, diagnostic.getRange()));
				}
			}
		} else if (params instanceof DocumentRangeFormattingParams formatting) {
			formatting.setRange(clamp(text, formatting.getRange()));
		}
	}

	/* A range inside the text, its ends in order; a missing range is the text's start. */
	static Range clamp(String text, Range range) {
		Position start = clamp(text, range == null ? null : range.getStart());
		Position end = clamp(text, range == null ? null : range.getEnd());
		return offset(text, start) <= offset(text, end) ? new Range(start, end) : new Range(end, start);
	}

	/* The nearest position inside the text: a line past the last is the text's end, a character past its line's end that end. */
	static Position clamp(String text, Position position) {
		if (position == null) {
			return new Position(0, 0);
		}
		int wanted = Math.max(0, position.getLine());
		int line = 0;
		int lineStart = 0;
		while (line < wanted) {
			int newline = text.indexOf('\n', lineStart);
			if (newline < 0) {
				break;
			}
			lineStart = newline + 1;
			line++;
		}
		int lineLength = lineEnd(text, lineStart) - lineStart;
		int character = line < wanted ? lineLength : Math.min(Math.max(0, position.getCharacter()), lineLength);
		return new Position(line, character);
	}

	/* The offset of a position inside the text, as Xtext counts it: every character but '\n' is a column. */
	static int offset(String text, Position position) {
		int lineStart = 0;
		for (int line = 0; line < position.getLine(); line++) {
			lineStart = text.indexOf('\n', lineStart) + 1;
		}
		return lineStart + position.getCharacter();
	}

	private static int lineEnd(String text, int lineStart) {
		int newline = text.indexOf('\n', lineStart);
		return newline < 0 ? text.length() : newline;
	}
}
