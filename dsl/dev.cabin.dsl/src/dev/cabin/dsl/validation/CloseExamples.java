package dev.cabin.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;

/**
 * Examples of two intents of an agent so alike that the recognizer can hardly tell the intents apart: in the
 * same locale, they differ only in words that carry little meaning ("open the sunroof" and "open the sunroof
 * please", "打开天窗" and "打开天窗吧"). Measured on the words and the pairs of neighbouring words of each (the
 * pairs keep "call me bob" apart from "call bob for me", see {@link ExampleWords}): the share of what both have
 * among what either has, where a word that carries little meaning counts {@value ExampleWords#LIGHT_WEIGHT}, a
 * pair as its lighter word, and anything else 1; at least {@value #BOUND} is too close. One differing word that
 * carries meaning ("set an alarm" and "set a timer", "that is true" and "that is not true") keeps two examples
 * apart. The same utterance in two intents is ambiguous outright and reported as such, not here. Each example is
 * reported with the closest example of another intent written before it, the first-written of equally close ones.
 */
final class CloseExamples {

	/** The least share of shared words and pairs that makes two examples of different intents too close. */
	static final double BOUND = 0.9;

	/** One example utterance: the {@code index}-th text of its phrases. */
	record Example(Intent intent, LocalizedPhrases phrases, int index) {

		String text() {
			return phrases.getTexts().get(index);
		}
	}

	/** An example, the closest example of another intent written before it, and how alike they are. */
	record Pair(Example example, Example closest, double similarity) {
	}

	private CloseExamples() {
	}

	/**
	 * For each example that is too close to an earlier example of another intent, the closest such example.
	 * Found with the agent's {@link CloseExampleIndex} of each locale, brought to this text.
	 */
	static List<Pair> of(Agent agent) {
		Map<String, List<Example>> examples = new LinkedHashMap<>();
		Map<String, List<IndexedExample>> indexed = new HashMap<>();
		Map<String, Integer> intentsNamed = new HashMap<>();
		for (Intent intent : agent.getIntents()) {
			String name = String.valueOf(intent.getName());
			String key = name + "\n" + intentsNamed.merge(name, 1, Integer::sum);
			for (LocalizedPhrases phrases : intent.getUtterances()) {
				String locale = String.valueOf(phrases.getLocale());
				List<Example> inLocale = examples.computeIfAbsent(locale, l -> new ArrayList<>());
				List<IndexedExample> indexedInLocale = indexed.computeIfAbsent(locale, l -> new ArrayList<>());
				List<String> texts = phrases.getTexts();
				for (int i = 0; i < texts.size(); i++) {
					String text = texts.get(i);
					ExampleWords words = ExampleWords.of(text);
					if (!words.meaningful().isEmpty()) {
						inLocale.add(new Example(intent, phrases, i));
						indexedInLocale.add(new IndexedExample(key, text, words));
					}
				}
			}
		}
		List<Pair> pairs = new ArrayList<>();
		examples.forEach((locale, written) -> {
			CloseExampleIndex index = CloseExampleIndexes.of(agent, locale);
			synchronized (index) {
				index.update(indexed.get(locale));
				for (IndexedExample example : index.examples()) {
					if (example.closest != null) {
						pairs.add(new Pair(written.get(example.position), written.get(example.closest.position),
								example.similarity));
					}
				}
			}
		});
		return pairs;
	}
}
