package dev.cabin.engine.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.language.DurationUnit;
import dev.cabin.language.TextNormalizer;

/**
 * Finds slot values in normalized utterances: entity values by their synonyms (longest first), numbers,
 * temperatures, percentages, durations (in seconds), places, yes/no, and free text. Values are what the
 * engine computes with: {@link Double} for numbers, {@link String} for entity values, places and text,
 * {@link Boolean} for yes/no.
 */
public final class SlotValues {

	/** The built-in types whose slot a template fills with whatever phrase stands in its place. */
	private static final Set<String> ANY_PHRASE = Set.of("place", "text", "datetime");

	private static final Pattern DURATION_UNIT = Pattern.compile("\\s*(" + DurationUnit.namesRegex() + ")\\b?");
	private static final Pattern PLACE = Pattern.compile(
			"(?:\\b(?:to|towards|in|at|near|for)\\s+(?:the\\s+)?|去|到|前往|导航到|在)(.+)$");
	private static final Pattern YES = Pattern.compile("^(?:(?:yes|yeah|yep|yup|sure|ok|okay|please do|do it|go ahead"
			+ "|of course|right|correct|affirmative)(?:\\s.*)?|(?:好|是|可以|行|对|嗯|确定|没问题).*)$");
	private static final Pattern NO = Pattern.compile("^(?:(?:no|nope|nah|don't|do not|not now|cancel|stop|never mind"
			+ "|negative)(?:\\s.*)?|(?:不要|不用|不行|不是|算了|取消|别|否).*|不)$");

	private record Synonym(String text, String value) {
	}

	private final Map<String, List<Synonym>> synonymsByEntity = new HashMap<>();

	public SlotValues(List<EntityIr> entities) {
		for (EntityIr entity : entities) {
			List<Synonym> synonyms = new ArrayList<>();
			for (EntityIr.Value value : entity.values()) {
				synonyms.add(new Synonym(TextNormalizer.normalize(value.name()), value.name()));
				value.synonyms().values().forEach(texts -> texts
						.forEach(text -> synonyms.add(new Synonym(TextNormalizer.normalize(text), value.name()))));
			}
			synonyms.sort(Comparator.comparingInt((Synonym s) -> s.text().length()).reversed());
			synonymsByEntity.put(entity.name(), synonyms);
		}
	}

	/** The value of a whole (normalized) phrase of the type, or {@code null} if it is none. */
	/** Whether {@link #parse} takes any phrase for a slot of the type (a place, a text, a date and time). */
	public static boolean takesAnyPhrase(TypeIr type) {
		return type.entity() == null && ANY_PHRASE.contains(type.builtin());
	}

	public Object parse(String phrase, TypeIr type) {
		if (phrase.isBlank()) {
			return null;
		}
		if (type.entity() != null) {
			for (Synonym synonym : synonymsByEntity.getOrDefault(type.entity(), List.of())) {
				if (synonym.text().equals(phrase)) {
					return synonym.value();
				}
			}
			return null;
		}
		return switch (type.builtin()) {
		case "place" -> titled(phrase);
		case "text", "datetime" -> phrase;
		default -> find(phrase, type);
		};
	}

	/**
	 * The value an answer to a question for a slot gives: one found in it, or for free-form types (text,
	 * place, date and time) the whole answer.
	 */
	public Object answer(String text, String normalized, TypeIr type) {
		Object found = find(normalized, type);
		if (found != null || type.entity() != null || type.numeric() || type.builtin().equals("boolean")) {
			return found;
		}
		String whole = text.strip().replaceAll("[.!?。！？]+$", "");
		return whole.isEmpty() ? null : whole;
	}

	/** A value of the type somewhere in a (normalized) utterance, or {@code null}. */
	public Object find(String utterance, TypeIr type) {
		if (type.entity() != null) {
			for (Synonym synonym : synonymsByEntity.getOrDefault(type.entity(), List.of())) {
				if (contains(utterance, synonym.text())) {
					return synonym.value();
				}
			}
			return null;
		}
		return switch (type.builtin()) {
		case "number", "temperature" -> number(utterance);
		case "percentage" -> percentage(utterance);
		case "duration" -> duration(utterance);
		case "place" -> place(utterance);
		case "boolean" -> yesOrNo(utterance);
		default -> utterance.isBlank() ? null : utterance;
		};
	}

	/** {@code true} for yes, {@code false} for no, {@code null} for neither. */
	public static Boolean yesOrNo(String utterance) {
		if (YES.matcher(utterance).matches()) {
			return Boolean.TRUE;
		}
		return NO.matcher(utterance).matches() ? Boolean.FALSE : null;
	}

	private static Double number(String utterance) {
		Numbers.Found found = Numbers.find(utterance);
		return found == null ? null : found.value();
	}

	private static Double percentage(String utterance) {
		int chinese = utterance.indexOf("百分之");
		if (chinese >= 0) {
			Numbers.Found found = Numbers.find(utterance.substring(chinese + 3));
			return found == null ? null : found.value();
		}
		return number(utterance);
	}

	private static Double duration(String utterance) {
		if (utterance.contains("half an hour") || utterance.contains("半小时")) {
			return 1800.0;
		}
		Numbers.Found found = Numbers.find(utterance);
		if (found == null) {
			return null;
		}
		Matcher unit = DURATION_UNIT.matcher(utterance);
		unit.region(found.end(), utterance.length());
		if (unit.lookingAt()) {
			return DurationUnit.ofName(unit.group(1)).seconds(found.value());
		}
		return null;
	}

	private static String place(String utterance) {
		Matcher matcher = PLACE.matcher(utterance);
		return matcher.find() ? titled(matcher.group(1).strip()) : null;
	}

	/** A place name as it is written: Latin words capitalized (utterances are compared in lower case). */
	private static String titled(String place) {
		StringBuilder out = new StringBuilder(place.length());
		boolean wordStart = true;
		for (char c : place.toCharArray()) {
			out.append(wordStart ? Character.toUpperCase(c) : c);
			wordStart = c == ' ';
		}
		return out.toString();
	}

	/** Whether the phrase occurs as whole words (or, for Chinese, anywhere). */
	private static boolean contains(String utterance, String phrase) {
		if (phrase.isEmpty()) {
			return false;
		}
		if (Language.ofText(phrase) == Language.ZH) {
			return utterance.contains(phrase);
		}
		return (" " + utterance + " ").contains(" " + phrase + " ");
	}
}
