package dev.cabin.engine.nlu;

/** Turns a sentence into a unit-length vector; similar meanings give close vectors. */
public interface SentenceEncoder {

	/** A stable id of the model, recorded in the IR next to the vectors it produced. */
	String modelId();

	int dimension();

	/** The normalized (unit length) embedding of a sentence. Thread-safe. */
	float[] encode(String sentence);
}
