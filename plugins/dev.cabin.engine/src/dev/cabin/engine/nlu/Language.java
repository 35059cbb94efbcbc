package dev.cabin.engine.nlu;

import java.util.Locale;

/** The languages the engine has sentence encoders for. */
public enum Language {
	EN("en"), ZH("zh");

	private final String code;

	Language(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/** The language of a code such as {@code zh}, or {@code null} if the engine has none. */
	public static Language ofCode(String code) {
		for (Language language : values()) {
			if (language.code.equals(code)) {
				return language;
			}
		}
		return null;
	}

	/** The language of a locale such as {@code zh-CN}; English for every locale without its own encoder. */
	public static Language ofLocale(String locale) {
		return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
	}

	/**
	 * The language an utterance is written in, judged by its script: any Han character makes it Chinese,
	 * because the Chinese model also reads the Latin words that mixed utterances carry ("打开 Bluetooth").
	 */
	public static Language ofText(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.UnicodeScript.of(text.codePointAt(i)) == Character.UnicodeScript.HAN) {
				return ZH;
			}
		}
		return EN;
	}
}
