package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The markers in texts: {@code {temp}} in a reply is filled in with a slot, a tool result or a signal value;
 * {@code {wheel}} or {@code {wheel=front left}} in an example utterance marks where a slot's value stands.
 */
public final class Templates {

	/**
	 * A marker found in a text.
	 *
	 * @param start the index of the opening brace in the text
	 * @param end   the index after the closing brace
	 * @param name  the slot, result or signal named (trimmed)
	 * @param value in an annotated example, the value after {@code =}; otherwise {@code null}
	 */
	public record Marker(int start, int end, String name, String value) {
	}

	private Templates() {
	}

	public static List<Marker> markers(String text) {
		List<Marker> markers = new ArrayList<>();
		int from = 0;
		while (true) {
			int open = text.indexOf('{', from);
			if (open < 0) {
				return markers;
			}
			int close = text.indexOf('}', open + 1);
			if (close < 0) {
				return markers;
			}
			int nested = text.indexOf('{', open + 1);
			if (nested >= 0 && nested < close) {
				from = nested;
				continue;
			}
			String inside = text.substring(open + 1, close);
			int equals = inside.indexOf('=');
			String name = (equals < 0 ? inside : inside.substring(0, equals)).strip();
			String value = equals < 0 ? null : inside.substring(equals + 1).strip();
			markers.add(new Marker(open, close + 1, name, value));
			from = close + 1;
		}
	}

	/**
	 * The text as it sounds for matching: an annotated example's value stands in for its marker, a bare marker
	 * becomes {@code {}} (so that "set it to {temp}" and "set it to {level}" are the same utterance).
	 */
	public static String spoken(String text) {
		List<Marker> markers = markers(text);
		if (markers.isEmpty()) {
			return text;
		}
		StringBuilder spoken = new StringBuilder();
		int from = 0;
		for (Marker marker : markers) {
			spoken.append(text, from, marker.start()).append(marker.value() != null ? marker.value() : "{}");
			from = marker.end();
		}
		return spoken.append(text.substring(from)).toString();
	}
}
