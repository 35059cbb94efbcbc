package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.nlu.Rejection;
import dev.cabin.engine.nlu.Vectors;
import dev.cabin.engine.nlu.softmax.NgramFeatures;
import dev.cabin.engine.nlu.softmax.SoftmaxModel;

/**
 * How far an utterance falls short of the softmax classifier's boundaries, which decides whether the agent asks
 * about it ("Did you mean ...?") rather than saying it did not understand: only the similarity threshold and the
 * background check have a grey zone ({@link SoftmaxModel#GREY_ZONE}); what the out-of-scope class takes is
 * rejected outright. And which test turns it down, which the trace and the lab tell the author. Two-dimensional
 * embeddings: the first axis is Open's examples.
 */
class GreyZoneTest {

	private static final double THRESHOLD = 0.8;

	/** Open wins where the first axis leads the second (a similarity above 0.71), the out-of-scope class elsewhere. */
	private static SoftmaxModel model() {
		float[] weights = {
				// feature rows, columns: Open, out of scope
				2, 0, //
				0, 2 };
		return new SoftmaxModel(List.of("Open"), new float[2], 1.0, new float[][] { { 1, 0 } },
				new NgramFeatures(List.of(), new float[0], 0.5, 0.5), weights, new float[] { 0, 0 }, THRESHOLD,
				Double.NEGATIVE_INFINITY);
	}

	/** A unit vector whose similarity to Open's examples is the given cosine. */
	private static float[] at(double cosine) {
		return Vectors.normalized(new float[] { (float) cosine, (float) Math.sqrt(1 - cosine * cosine) });
	}

	private static double shortfall(float[] embedding) {
		return model().shortfall(model().guess("", embedding));
	}

	@Test
	void anUtteranceInScopeFallsShortOfNothing() {
		assertTrue(model().accepts("", at(0.95)));
		assertEquals(0, shortfall(at(0.95)));
	}

	@Test
	void anUtteranceJustBelowTheThresholdIsRejectedNarrowly() {
		float[] justBelow = at(THRESHOLD - SoftmaxModel.GREY_ZONE / 2);

		assertFalse(model().accepts("", justBelow));
		assertEquals(SoftmaxModel.GREY_ZONE / 2, shortfall(justBelow), 1e-6);
	}

	@Test
	void anUtteranceFarBelowTheThresholdIsNotInTheGreyZone() {
		assertTrue(shortfall(at(0.75)) > SoftmaxModel.GREY_ZONE);
	}

	@Test
	void whatTheOutOfScopeClassTakesIsNeverRejectedNarrowly() {
		// similarity 0.6: the out-of-scope class's logit (2 x 0.8) beats Open's (2 x 0.6)
		assertEquals(Double.POSITIVE_INFINITY, shortfall(at(0.6)));
	}

	@Test
	void eachRejectionNamesTheTestThatMadeIt() {
		SoftmaxModel model = model();
		float[] nearUnrelatedSpeech = at(0.9);
		SoftmaxModel checked = model.withBackground(new float[][] { nearUnrelatedSpeech }, List.of(at(1)), new int[] { 0 },
				0.03);

		assertNull(model.rejection(model.guess("", at(0.95))), "in scope");
		assertEquals(Rejection.BELOW_THRESHOLD, model.rejection(model.guess("", at(THRESHOLD - 0.01))));
		assertEquals(Rejection.OUT_OF_SCOPE_CLASS, model.rejection(model.guess("", at(0.6))));
		assertNull(model.rejection(model.guess("", nearUnrelatedSpeech)), "in scope without the background check");
		assertEquals(Rejection.UNRELATED_SPEECH, checked.rejection(checked.guess("", nearUnrelatedSpeech)),
				"a background prototype on the utterance leads Open's example by 0.1, more than the margin");
	}
}
