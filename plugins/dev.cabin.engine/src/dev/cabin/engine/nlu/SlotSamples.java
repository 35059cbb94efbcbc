package dev.cabin.engine.nlu;

import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.language.TextNormalizer;

/**
 * What stands in for a slot marker when an example is embedded: a typical value of the slot's type in the
 * example's language, so that "set it to {temp}" is embedded as a sentence people would say. The compiler trains on
 * examples said so, and the lab and the own-domain filter compare background lines with the same sentences.
 */
public final class SlotSamples {

	private static final Map<String, String> ENGLISH = Map.of("number", "three", "percentage", "fifty percent",
			"temperature", "twenty two degrees", "duration", "ten minutes", "datetime", "tomorrow morning",
			"place", "the city centre", "text", "something", "boolean", "yes");
	private static final Map<String, String> CHINESE = Map.of("number", "三", "percentage", "百分之五十",
			"temperature", "二十二度", "duration", "十分钟", "datetime", "明天早上", "place", "市中心", "text", "东西",
			"boolean", "是");

	private SlotSamples() {
	}

	/**
	 * An example as it is embedded: normalized, every marker replaced by its annotated value or else by a typical
	 * value of its slot's type (a marker of no slot stays the slot's name).
	 *
	 * @param slots the slots of the example's intent
	 * @param entities the entities of its agent
	 */
	public static String spoken(String example, String locale, List<SlotIr> slots, List<EntityIr> entities) {
		return TextNormalizer.normalize(UtteranceTemplate.parse(example).filled(slotName -> slots.stream()
				.filter(slot -> slot.name().equals(slotName)).findFirst()
				.map(slot -> sample(slot.type(), locale, entities)).orElse(slotName)));
	}

	private static String sample(TypeIr type, String locale, List<EntityIr> entities) {
		if (type.entity() != null) {
			for (EntityIr entity : entities) {
				if (entity.name().equals(type.entity()) && !entity.values().isEmpty()) {
					EntityIr.Value first = entity.values().get(0);
					List<String> synonyms = first.synonyms().get(locale);
					return synonyms != null && !synonyms.isEmpty() ? synonyms.get(0) : first.name();
				}
			}
			return type.entity();
		}
		return (Language.ofLocale(locale) == Language.ZH ? CHINESE : ENGLISH).get(type.builtin());
	}
}
