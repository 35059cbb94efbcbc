package dev.cabin.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.OwnDomainFilter;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SlotSamples;

/**
 * An agent's examples as the lab hands them to the {@link OwnDomainFilter}, per language: their embeddings (said as
 * the compiler trains on them, {@link SlotSamples}) and their text as written, so that the lab leaves out of the
 * background what the compiler left out.
 *
 * @param locales the first locale of each language the agent has examples in, in the order they come
 */
record AgentExamples(AgentIr agent, Map<Language, String> locales, Map<Language, List<float[]>> embeddings,
		Map<Language, List<String>> templates) {

	static AgentExamples of(AgentIr agent, SentenceEncoders encoders) {
		Map<Language, String> locales = new LinkedHashMap<>();
		Map<Language, List<float[]>> embeddings = new LinkedHashMap<>();
		Map<Language, List<String>> templates = new LinkedHashMap<>();
		for (IntentIr intent : agent.intents()) {
			for (ExampleIr example : intent.examples()) {
				Language language = Language.ofLocale(example.locale());
				locales.putIfAbsent(language, example.locale());
				String spoken = SlotSamples.spoken(example.text(), example.locale(), intent.slots(), agent.entities());
				embeddings.computeIfAbsent(language, l -> new ArrayList<>())
						.add(encoders.forLanguage(language).encode(spoken));
				templates.computeIfAbsent(language, l -> new ArrayList<>()).add(example.text());
			}
		}
		return new AgentExamples(agent, locales, embeddings, templates);
	}

	/** What the own-domain filter makes of the background's lines of a language for this agent. */
	OwnDomainFilter.Result unrelated(Language language, List<BackgroundCorpus.Line> lines, float[][] vectors) {
		Set<String> intents = agent.intents().stream().map(IntentIr::name).collect(Collectors.toSet());
		return OwnDomainFilter.unrelated(lines, vectors, embeddings.get(language), templates.get(language), intents);
	}
}
