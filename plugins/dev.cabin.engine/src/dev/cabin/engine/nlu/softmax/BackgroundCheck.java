package dev.cabin.engine.nlu.softmax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.nlu.Vectors;

/**
 * A fourth out-of-scope test of a {@link SoftmaxModel}, for a language whose background of unrelated speech does
 * not train the classifier (Chinese): prototypes of that background (unit-length means of clusters of its
 * training lines, made by the compiler), the embeddings of the intents' examples and a margin. An utterance is out
 * of scope when its nearest prototype is more similar to it than the nearest example of the intent the classifier
 * chose, by more than the margin: it lies among unrelated speech rather than among the intent's examples, though
 * the classifier, which never saw that speech, still chose an intent.
 */
final class BackgroundCheck {

	static final String PROTOTYPES_KEY = "backgroundPrototypes";
	static final String EXAMPLES_KEY = "backgroundExamples";
	static final String EXAMPLE_INTENTS_KEY = "backgroundExampleIntents";
	static final String MARGIN_KEY = "backgroundMargin";

	/** The prototypes row by row, each of the embedding's dimension. */
	private final float[] prototypes;
	/** The intents' examples row by row, and the intent (its index in the model) of each row. */
	private final float[] examples;
	private final int[] exampleIntents;
	private final int dimension;
	private final double margin;

	BackgroundCheck(float[] prototypes, float[] examples, int[] exampleIntents, int dimension, double margin) {
		this.prototypes = prototypes;
		this.examples = examples;
		this.exampleIntents = exampleIntents;
		this.dimension = dimension;
		this.margin = margin;
	}

	/**
	 * By how much the nearest prototype is more similar to the utterance than the intent's nearest example; the
	 * check rejects the utterance above the {@link #margin()}.
	 *
	 * @param intent the index of the intent the classifier chose
	 */
	double lead(float[] embedding, int intent) {
		double example = Double.NEGATIVE_INFINITY;
		for (int row = 0; row < exampleIntents.length; row++) {
			if (exampleIntents[row] == intent) {
				example = Math.max(example, Vectors.dot(embedding, examples, row * dimension));
			}
		}
		double prototype = Double.NEGATIVE_INFINITY;
		for (int offset = 0; offset < prototypes.length; offset += dimension) {
			prototype = Math.max(prototype, Vectors.dot(embedding, prototypes, offset));
		}
		return prototype - example;
	}

	double margin() {
		return margin;
	}

	void putParameters(Map<String, Object> parameters) {
		parameters.put(PROTOTYPES_KEY, SoftmaxModel.base64(prototypes));
		parameters.put(EXAMPLES_KEY, SoftmaxModel.base64(examples));
		List<Integer> intents = new ArrayList<>();
		for (int intent : exampleIntents) {
			intents.add(intent);
		}
		parameters.put(EXAMPLE_INTENTS_KEY, intents);
		parameters.put(MARGIN_KEY, margin);
	}

	/** The check of a language's parameters, or {@code null} when they have none. */
	static BackgroundCheck fromParameters(String language, Map<?, ?> parameters, int dimension, int intents)
			throws IrFormatException {
		if (!parameters.containsKey(PROTOTYPES_KEY)) {
			return null;
		}
		float[] prototypes = SoftmaxModel.floats(language, parameters, PROTOTYPES_KEY, -1);
		if (prototypes.length == 0 || prototypes.length % dimension != 0) {
			throw SoftmaxModel.corrupt(language, PROTOTYPES_KEY + " has " + prototypes.length
					+ " numbers, not a whole number of vectors of " + dimension);
		}
		if (!(parameters.get(EXAMPLE_INTENTS_KEY) instanceof List<?> list)) {
			throw SoftmaxModel.corrupt(language, "has no list " + EXAMPLE_INTENTS_KEY);
		}
		int[] exampleIntents = new int[list.size()];
		for (int row = 0; row < exampleIntents.length; row++) {
			if (!(list.get(row) instanceof Number number) || number.intValue() < 0 || number.intValue() >= intents) {
				throw SoftmaxModel.corrupt(language, EXAMPLE_INTENTS_KEY + " names an intent it lacks: " + list.get(row));
			}
			exampleIntents[row] = number.intValue();
		}
		float[] examples = SoftmaxModel.floats(language, parameters, EXAMPLES_KEY, exampleIntents.length * dimension);
		return new BackgroundCheck(prototypes, examples, exampleIntents, dimension,
				SoftmaxModel.number(language, parameters, MARGIN_KEY));
	}
}
