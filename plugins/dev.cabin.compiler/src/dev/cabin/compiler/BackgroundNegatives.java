package dev.cabin.compiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.BackgroundVectors;
import dev.cabin.background.OwnDomainFilter;
import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The lines of the background of unrelated speech that an agent is trained and calibrated against, in the
 * languages of its examples: the training and calibration parts of the {@link BackgroundCorpus} (the built-in one,
 * unless a measurement gave the compiler another), without the lines of the agent's own domain
 * ({@link OwnDomainFilter}). The measurement part is never used here.
 */
final class BackgroundNegatives {

	private final BackgroundCorpus corpus;
	private final SentenceEncoders encoders;
	private final Path cacheFolder;
	private final Progress progress;

	/** @param cacheFolder where vectors of the background made for a model without shipped ones are kept, or null */
	BackgroundNegatives(BackgroundCorpus corpus, SentenceEncoders encoders, Path cacheFolder, Progress progress) {
		this.corpus = corpus;
		this.encoders = encoders;
		this.cacheFolder = cacheFolder;
		this.progress = progress;
	}

	/**
	 * @param examples the agent's training examples, in-scope ones with their intent
	 * @param intents the agent's intents, with their examples as written
	 */
	SoftmaxTraining.Background against(List<SoftmaxTraining.Example> examples, List<IntentIr> intents) {
		Set<Language> languages = EnumSet.noneOf(Language.class);
		examples.stream().filter(example -> example.intent() != null).forEach(example -> languages.add(example.language()));
		List<SoftmaxTraining.Example> negatives = new ArrayList<>();
		List<SoftmaxTraining.Example> calibration = new ArrayList<>();
		for (Language language : languages) {
			List<BackgroundCorpus.Line> lines = corpus.lines(language);
			float[][] vectors = BackgroundVectors.of(corpus, language, encoders.forLanguage(language), cacheFolder,
					progress);
			List<float[]> own = examples.stream()
					.filter(example -> example.intent() != null && example.language() == language)
					.map(SoftmaxTraining.Example::embedding).toList();
			List<String> templates = intents.stream().flatMap(intent -> intent.examples().stream())
					.filter(example -> Language.ofLocale(example.locale()) == language).map(ExampleIr::text).toList();
			Set<String> names = intents.stream().map(IntentIr::name).collect(Collectors.toSet());
			for (int i : OwnDomainFilter.unrelated(lines, vectors, own, templates, names).kept()) {
				BackgroundCorpus.Line line = lines.get(i);
				SoftmaxTraining.Example example = new SoftmaxTraining.Example(language, null, line.normalized(),
						vectors[i]);
				switch (line.part()) {
				case TRAINING -> negatives.add(example);
				case CALIBRATION -> calibration.add(example);
				case MEASUREMENT -> {
					// held back for the lab
				}
				}
			}
		}
		return new SoftmaxTraining.Background(negatives, calibration);
	}
}
