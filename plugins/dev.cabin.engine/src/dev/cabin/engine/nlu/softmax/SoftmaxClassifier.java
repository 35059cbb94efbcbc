package dev.cabin.engine.nlu.softmax;

import java.util.EnumMap;
import java.util.Map;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.IntentClassifier;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The intent classifier that the compiler trains for every agent ({@code dev.cabin.compiler.training}): per language, a
 * softmax over the intents and an out-of-scope class on the utterance's embedding and n-grams, with
 * out-of-scope boundaries calibrated by cross-validation (see {@link SoftmaxModel}). Candidates come best
 * first; their score is the similarity to the intent's examples (a cosine), which the threshold applies to.
 */
public final class SoftmaxClassifier implements IntentClassifier {

	/** The {@code classifier.kind} of the IR. */
	public static final String KIND = "softmax";

	public static final Factory FACTORY = new Factory() {
		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public IntentClassifier create(AgentIr agent, SentenceEncoders encoders) throws IrFormatException {
			Map<Language, SoftmaxModel> models = new EnumMap<>(Language.class);
			for (Map.Entry<String, Object> entry : agent.classifier().parameters().entrySet()) {
				Language language = Language.ofCode(entry.getKey());
				if (language == null) {
					throw new IrFormatException("the IR's softmax classifier is for language \"" + entry.getKey()
							+ "\", which this engine lacks");
				}
				SoftmaxModel model = SoftmaxModel.fromParameters(entry.getKey(), entry.getValue());
				int dimension = encoders.describe(language).dimension();
				if (model.dimension() != dimension) {
					throw new IrFormatException("corrupt Cabin IR: the softmax classifier of language \""
							+ entry.getKey() + "\" reads vectors of " + model.dimension() + " numbers, the encoder makes "
							+ dimension);
				}
				models.put(language, model);
			}
			return new SoftmaxClassifier(models, encoders, agent.classifier().threshold());
		}
	};

	private final Map<Language, SoftmaxModel> models;
	private final SentenceEncoders encoders;
	private final double threshold;

	private SoftmaxClassifier(Map<Language, SoftmaxModel> models, SentenceEncoders encoders, double threshold) {
		this.models = models;
		this.encoders = encoders;
		this.threshold = threshold;
	}

	@Override
	public Classification classify(String normalized, Language language) {
		SoftmaxModel model = models.get(language);
		if (model == null) {
			return Classification.nothing();
		}
		return model.classify(normalized, encoders.forLanguage(language).encode(normalized));
	}

	/** The model of a language, or {@code null} where the agent has no examples in it. */
	public SoftmaxModel model(Language language) {
		return models.get(language);
	}

	/** The threshold of the agent's first language. */
	@Override
	public double threshold() {
		return threshold;
	}

	@Override
	public double threshold(Language language) {
		SoftmaxModel model = models.get(language);
		return model == null ? threshold : model.threshold();
	}
}
