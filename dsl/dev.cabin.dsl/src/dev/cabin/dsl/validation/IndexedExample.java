package dev.cabin.dsl.validation;

import java.util.List;

/**
 * One example as {@link CloseExampleIndex} remembers it from one validation to the next: what identifies it
 * across re-parses (its intent and text), its words, the features it is found by, its place in its locale's
 * examples (renumbered on every validation), and the closest example of another intent written before it.
 */
final class IndexedExample {

	/** The intent's name and which intent of that name it is, so that two intents of one name stay apart. */
	final String intent;

	final String text;

	final ExampleWords words;

	/** The features it is indexed and looked up under (see {@link ExampleCandidates}), set when indexed. */
	List<String> rarest = List.of();

	/** Its place among the examples of its locale in this validation's text. */
	int position;

	/** The closest example of another intent written before it, if it is too close; null if none is. */
	IndexedExample closest;

	double similarity;

	IndexedExample(String intent, String text, ExampleWords words) {
		this.intent = intent;
		this.text = text;
		this.words = words;
	}

	/** Whether this is the same example as one of an earlier validation: the same text in the same intent. */
	boolean sameAs(IndexedExample earlier) {
		return text.equals(earlier.text) && intent.equals(earlier.intent);
	}

	/**
	 * Considers an example written before this one as its closest: it is if it belongs to another intent, is at
	 * least {@link CloseExamples#BOUND} alike without being the same words, and is closer than the closest so
	 * far or as close and written before it (the first-written of equally close examples is named).
	 */
	void consider(IndexedExample earlier) {
		if (earlier.intent.equals(intent)) {
			return;
		}
		double alike = words.similarity(earlier.words);
		if (alike >= CloseExamples.BOUND && !words.sameAs(earlier.words) && (closest == null || alike > similarity
				|| alike == similarity && earlier.position < closest.position)) {
			closest = earlier;
			similarity = alike;
		}
	}
}
