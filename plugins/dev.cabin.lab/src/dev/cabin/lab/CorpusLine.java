package dev.cabin.lab;

import java.util.List;

/**
 * One utterance of a corpus with what it means.
 *
 * @param line where it is in the corpus file (1 for the first line)
 * @param intent its intent as the corpus names it, or {@link Corpus#OUT_OF_SCOPE}
 * @param locale the locale the corpus gives, or {@code null}
 * @param slots the slot values it carries, as character ranges of the text
 */
public record CorpusLine(int line, String text, String intent, String locale, List<SlotSpan> slots) {

	public CorpusLine {
		slots = List.copyOf(slots);
	}

	public boolean outOfScope() {
		return Corpus.OUT_OF_SCOPE.equals(intent);
	}

	/**
	 * A slot value in an utterance: the characters from {@code start} (inclusive) to {@code end} (exclusive).
	 */
	public record SlotSpan(String slot, int start, int end) {
		public String value(String text) {
			return text.substring(start, end);
		}
	}
}
