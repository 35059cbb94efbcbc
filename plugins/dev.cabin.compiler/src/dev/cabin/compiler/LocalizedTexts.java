package dev.cabin.compiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.dsl.cabin.LocalizedText;

/** Texts by locale, where a text written without a locale is in the agent's default locale. */
record LocalizedTexts(String defaultLocale) {

	Map<String, String> of(List<LocalizedText> texts) {
		Map<String, String> byLocale = new LinkedHashMap<>();
		for (LocalizedText text : texts) {
			byLocale.put(text.getLocale() != null ? text.getLocale() : defaultLocale, text.getText());
		}
		return byLocale;
	}
}
