package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.nlu.Vectors;
import dev.cabin.engine.nlu.softmax.NgramFeatures;
import dev.cabin.engine.nlu.softmax.SoftmaxModel;

/**
 * The background check of the softmax classifier: an utterance the classifier takes for an intent, but which lies
 * nearer a prototype of unrelated speech than the intent's nearest example, is out of scope; one near the
 * intent's example stays in scope. Three-dimensional embeddings: the first two axes are the intents' examples, the
 * third the background.
 */
class BackgroundCheckTest {

	private static final float[] OPEN_EXAMPLE = { 1, 0, 0 };
	private static final float[] CLOSE_EXAMPLE = { 0, 1, 0 };
	private static final float[] BACKGROUND_PROTOTYPE = { 0, 0, 1 };

	/** A model that, left to itself, takes everything leaning to the first or the third axis for Open. */
	private static SoftmaxModel plain() {
		float[] weights = {
				// feature rows, columns: Open, Close, out of scope
				2, 0, 0, //
				0, 2, 0, //
				1, 0, 0 };
		return new SoftmaxModel(List.of("Open", "Close"), new float[3], 1.0,
				new float[][] { OPEN_EXAMPLE, CLOSE_EXAMPLE }, new NgramFeatures(List.of(), new float[0], 0.5, 0.5),
				weights, new float[] { 0, 0, -5 }, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
	}

	private static SoftmaxModel checked() {
		return plain().withBackground(new float[][] { BACKGROUND_PROTOTYPE }, List.of(OPEN_EXAMPLE, CLOSE_EXAMPLE),
				new int[] { 0, 1 }, 0.03);
	}

	@Test
	void anUtteranceNearABackgroundPrototypeIsRejected() {
		float[] nearBackground = Vectors.normalized(new float[] { 0.3f, 0, 0.95f });

		assertTrue(plain().accepts("", nearBackground), "without the check the classifier takes it for Open");
		assertFalse(checked().accepts("", nearBackground));
	}

	@Test
	void anUtteranceNearAnIntentExampleIsKept() {
		float[] nearExample = Vectors.normalized(new float[] { 0.95f, 0, 0.3f });

		assertTrue(checked().accepts("", nearExample));
	}

	@Test
	void anUtteranceAsNearTheChosenIntentsExampleAsTheBackgroundIsKept() {
		// the classifier chooses Close (logit 1.2 against Open's 1.0); Close's example and the prototype are as near
		float[] halfway = Vectors.normalized(new float[] { 0.2f, 0.6f, 0.6f });

		assertTrue(checked().accepts("", halfway));
	}
}
