package dev.cabin.engine;

import java.util.Map;

import dev.cabin.engine.nlu.Language;

/** What the engine itself says where an author wrote nothing, in each language it speaks. */
final class Phrases {

	static final Map<Language, String> NOT_UNDERSTOOD = Map.of(
			Language.EN, "Sorry, I can't help with that yet.",
			Language.ZH, "抱歉，这个我还帮不上忙。");
	static final Map<Language, String> CANNOT_ANSWER = Map.of(
			Language.EN, "Sorry, I can't answer that right now.",
			Language.ZH, "抱歉，我现在无法回答。");
	static final Map<Language, String> WHICH_SLOT = Map.of(
			Language.EN, "Which %s?",
			Language.ZH, "请告诉我%s。");
	static final Map<Language, String> SHALL_I = Map.of(
			Language.EN, "Shall I %s?",
			Language.ZH, "要%s吗？");
	/** Asks whether the occupant meant an intent, described by its example or its name. */
	static final Map<Language, String> DID_YOU_MEAN = Map.of(
			Language.EN, "Did you mean \"%s\"?",
			Language.ZH, "您是说“%s”吗？");
	/** The occupant did not confirm what the agent was unsure of: nothing was done. */
	static final Map<Language, String> LEFT_AS_IT_WAS = Map.of(
			Language.EN, "Okay, I'll leave it.",
			Language.ZH, "好的，那就先不动。");
	/** A reply that needs a value the car does not have right now. */
	static final Map<Language, String> CANNOT_READ = Map.of(
			Language.EN, "Sorry, I can't read the %s right now.",
			Language.ZH, "抱歉，我现在读不到“%s”。");
	static final Map<Language, String> NOT_NOW = Map.of(
			Language.EN, "Sorry, I can't do that right now.",
			Language.ZH, "抱歉，现在不能这样做。");

	private Phrases() {
	}

	static String in(Map<Language, String> phrase, String locale) {
		return phrase.get(Language.ofLocale(locale));
	}
}
