package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.language.TextNormalizer;

/**
 * An example utterance with slot markers, {@code "set the temperature to {temp}"} or, annotated with the value
 * the example carries, {@code "set it to {temp=22 degrees}"}.
 */
public final class UtteranceTemplate {

	private static final Pattern MARKER = Pattern.compile("\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=([^}]*))?\\}");

	/** A piece of the template: literal text, or a slot marker (with its example value, or {@code null}). */
	public record Part(String text, String slot) {
		public boolean isSlot() {
			return slot != null;
		}
	}

	private final List<Part> parts;

	private UtteranceTemplate(List<Part> parts) {
		this.parts = List.copyOf(parts);
	}

	public static UtteranceTemplate parse(String text) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = MARKER.matcher(text);
		int last = 0;
		while (matcher.find()) {
			if (matcher.start() > last) {
				parts.add(new Part(text.substring(last, matcher.start()), null));
			}
			parts.add(new Part(matcher.group(2), matcher.group(1)));
			last = matcher.end();
		}
		if (last < text.length()) {
			parts.add(new Part(text.substring(last), null));
		}
		return new UtteranceTemplate(parts);
	}

	public List<Part> parts() {
		return parts;
	}

	public boolean hasSlots() {
		return parts.stream().anyMatch(Part::isSlot);
	}

	/** The text with every marker replaced: by its annotated value, else by what {@code sample} gives for the slot. */
	public String filled(Function<String, String> sample) {
		StringBuilder out = new StringBuilder();
		for (Part part : parts) {
			out.append(part.isSlot() ? (part.text() != null ? part.text() : sample.apply(part.slot())) : part.text());
		}
		return out.toString();
	}

	/**
	 * A pattern over normalized utterances: the literal parts normalized, each slot a lazy group named after
	 * its position, so that the caller can check what a group caught against the slot's type.
	 */
	public Pattern toPattern() {
		StringBuilder regex = new StringBuilder("^");
		for (Part part : parts) {
			if (part.isSlot()) {
				regex.append("\\s*(.+?)\\s*");
			} else {
				String literal = TextNormalizer.normalize(part.text());
				if (!literal.isEmpty()) {
					regex.append(Pattern.quote(literal));
				}
			}
		}
		return Pattern.compile(regex.append("$").toString());
	}

	/** The slots in marker order. */
	public List<String> slots() {
		return parts.stream().filter(Part::isSlot).map(Part::slot).toList();
	}
}
