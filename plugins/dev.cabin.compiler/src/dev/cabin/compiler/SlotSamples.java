package dev.cabin.compiler;

import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.TypeIr;
import dev.cabin.engine.nlu.Language;

/**
 * What stands in for a slot marker when an example is embedded: a typical value of the slot's type in the
 * example's language, so that "set it to {temp}" is embedded as a sentence people would say.
 */
final class SlotSamples {

	private static final Map<String, String> ENGLISH = Map.of("number", "three", "percentage", "fifty percent",
			"temperature", "twenty two degrees", "duration", "ten minutes", "datetime", "tomorrow morning",
			"place", "the city centre", "text", "something", "boolean", "yes");
	private static final Map<String, String> CHINESE = Map.of("number", "三", "percentage", "百分之五十",
			"temperature", "二十二度", "duration", "十分钟", "datetime", "明天早上", "place", "市中心", "text", "东西",
			"boolean", "是");

	private SlotSamples() {
	}

	static String sample(TypeIr type, String locale, List<EntityIr> entities) {
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
