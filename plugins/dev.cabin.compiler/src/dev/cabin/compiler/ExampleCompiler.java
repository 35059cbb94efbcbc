package dev.cabin.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cabin.compiler.training.SoftmaxTraining;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.cabin.LocalizedPhrases;
import dev.cabin.dsl.cabin.Slot;
import dev.cabin.dsl.query.IntentRisk;
import dev.cabin.engine.ir.Confidence;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EntityIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.SlotIr;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.engine.nlu.SentenceEncoders;
import dev.cabin.engine.nlu.SlotSamples;
import dev.cabin.language.TextNormalizer;

/**
 * Embeds an agent's example utterances with the encoder of their language, telling how far it is, and
 * collects them, with the examples of what is out of scope, as the classifier's training examples.
 */
final class ExampleCompiler {

	private final SentenceEncoders encoders;
	private final Progress progress;
	private final List<EntityIr> entities;
	private final String task;
	private final int toEmbed;
	private final AtomicInteger embedded = new AtomicInteger();
	private final List<SoftmaxTraining.Example> training = new ArrayList<>();

	/** @param toEmbed how many utterances the agent has, out-of-scope examples included */
	ExampleCompiler(SentenceEncoders encoders, Progress progress, String agent, List<EntityIr> entities,
			int toEmbed) {
		this.encoders = encoders;
		this.progress = progress;
		this.entities = entities;
		this.task = "embedding the examples of " + agent;
		this.toEmbed = toEmbed;
		progress.report(task, 0, toEmbed);
	}

	/** The intent with its examples embedded, the encoders used recorded in {@code usedEncoders}. */
	IntentIr intent(Intent intent, LocalizedTexts localized, Map<String, EncoderInfo> usedEncoders) {
		List<SlotIr> slots = new ArrayList<>();
		for (Slot slot : intent.getSlots()) {
			slots.add(new SlotIr(slot.getName(), ExpressionCompiler.type(slot.getType()), slot.isRequired(),
					localized.of(slot.getPrompt())));
		}
		List<ExampleIr> examples = new ArrayList<>();
		for (LocalizedPhrases utterances : intent.getUtterances()) {
			String locale = utterances.getLocale();
			Language language = Language.ofLocale(locale);
			SentenceEncoder encoder = encoders.forLanguage(language);
			usedEncoders.put(language.code(), new EncoderInfo(encoder.modelId(), encoder.dimension()));
			List<String> texts = utterances.getTexts();
			List<String> spoken = texts.stream().map(text -> SlotSamples.spoken(text, locale, slots, entities))
					.toList();
			List<float[]> vectors = spoken.parallelStream().map(text -> embed(encoder, text)).toList();
			for (int i = 0; i < texts.size(); i++) {
				examples.add(new ExampleIr(locale, texts.get(i)));
				training.add(new SoftmaxTraining.Example(language, intent.getName(), spoken.get(i), vectors.get(i)));
			}
		}
		return new IntentIr(intent.getName(), examples, slots, Confidence.valueOf(IntentRisk.of(intent).name()),
				localized.of(intent.getAsk()));
	}

	/** Embeds the examples of what the agent must not handle, each in the language it is written in. */
	void outOfScope(List<String> utterances) {
		training.addAll(utterances.parallelStream().map(TextNormalizer::normalize).map(text -> {
			Language language = Language.ofText(text);
			return new SoftmaxTraining.Example(language, null, text, embed(encoders.forLanguage(language), text));
		}).toList());
	}

	/** The training examples: the intents' in the order given, then the out-of-scope ones. */
	List<SoftmaxTraining.Example> training() {
		return training;
	}

	private float[] embed(SentenceEncoder encoder, String normalized) {
		float[] vector = encoder.encode(normalized);
		progress.report(task, embedded.incrementAndGet(), toEmbed);
		return vector;
	}
}
