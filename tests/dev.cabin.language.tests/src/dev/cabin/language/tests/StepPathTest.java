package dev.cabin.language.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.cabin.language.StepPath;

/** The paths that traces and diagram ids write, as the README and hand-written links use them. */
class StepPathTest {

	@Test
	void aStepOfTheFlowIsItsIndex() {
		assertEquals("0", StepPath.step(StepPath.FLOW, 0));
		assertEquals("12", StepPath.step(StepPath.FLOW, 12));
	}

	@Test
	void aStepInsideABlockFollowsThePathOfItsConfirmationOrBranch() {
		String confirm = StepPath.step(StepPath.FLOW, 2);
		String branch = StepPath.step(StepPath.FLOW, 3);

		assertEquals("2.yes.0", StepPath.step(StepPath.block(confirm, StepPath.YES), 0));
		assertEquals("2.no.1", StepPath.step(StepPath.block(confirm, StepPath.NO), 1));
		assertEquals("3.case0.0", StepPath.step(StepPath.block(branch, StepPath.whenCase(0)), 0));
		assertEquals("3.otherwise.0", StepPath.step(StepPath.block(branch, StepPath.OTHERWISE), 0));
	}

	@Test
	void blocksNest() {
		String inner = StepPath.step(StepPath.block(StepPath.step(StepPath.FLOW, 1), StepPath.whenCase(1)), 0);

		assertEquals("1.case1.0.yes.2", StepPath.step(StepPath.block(inner, StepPath.YES), 2));
	}
}
