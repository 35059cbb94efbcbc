package dev.cabin.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.BackgroundVectors;
import dev.cabin.background.OwnDomainFilter;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The held-back part of the built-in background of unrelated speech ({@link BackgroundCorpus.Part#MEASUREMENT}) as
 * an out-of-scope corpus for one agent: in the languages of its examples, without the lines of its own domain
 * (the {@link OwnDomainFilter} the compiler applies, judged here against the agent's examples with their slot
 * markers read as the slot's name). No line of it was trained or calibrated on.
 *
 * @param corpus its lines, all out of scope, numbered from 1
 * @param labels the background label of each line of the corpus, by line number - 1
 * @param leftOut how many held-back lines were left out as the agent's own domain
 * @param ownLabels the background labels left out whole, with how many of their lines were close to the agent
 */
public record BackgroundLines(Corpus corpus, List<String> labels, int leftOut, Map<String, Integer> ownLabels) {

	/** The name reports give the corpus. */
	public static final String NAME = "the built-in background (held back)";

	public BackgroundLines {
		labels = List.copyOf(labels);
		ownLabels = Map.copyOf(ownLabels);
	}

	public static BackgroundLines of(AgentIr agent, SentenceEncoders encoders, Progress progress) {
		AgentExamples examples = AgentExamples.of(agent, encoders);
		BackgroundCorpus background = BackgroundCorpus.builtIn();
		List<CorpusLine> lines = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		int leftOut = 0;
		Map<String, Integer> ownLabels = new TreeMap<>();
		for (Map.Entry<Language, String> entry : examples.locales().entrySet()) {
			Language language = entry.getKey();
			List<BackgroundCorpus.Line> all = background.lines(language);
			float[][] vectors = BackgroundVectors.of(background, language, encoders.forLanguage(language), null,
					progress);
			OwnDomainFilter.Result filtered = examples.unrelated(language, all, vectors);
			ownLabels.putAll(filtered.ownLabels());
			Set<Integer> kept = new HashSet<>(filtered.kept());
			for (int i = 0; i < all.size(); i++) {
				BackgroundCorpus.Line line = all.get(i);
				if (line.part() != BackgroundCorpus.Part.MEASUREMENT) {
					continue;
				}
				if (kept.contains(i)) {
					lines.add(new CorpusLine(lines.size() + 1, line.text(), Corpus.OUT_OF_SCOPE, entry.getValue(),
							List.of()));
					labels.add(line.label());
				} else {
					leftOut++;
				}
			}
		}
		return new BackgroundLines(new Corpus(NAME, lines, List.of()), labels, leftOut, ownLabels);
	}

	/** The background label of a line of the corpus. */
	public String label(CorpusLine line) {
		return labels.get(line.line() - 1);
	}
}
