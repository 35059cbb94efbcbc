package dev.cabin.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cabin.diagram.edit.EditException;
import dev.cabin.diagram.edit.EditPlan;
import dev.cabin.diagram.edit.SourceEdits;
import dev.cabin.diagram.edit.StepTemplate;
import dev.cabin.dsl.cabin.CabinFile;
import dev.cabin.dsl.cabin.Flow;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;

/**
 * Round trips of the diagram's edits: each gives the expected text, keeps the author's layout and comments,
 * and the result parses and validates without errors.
 */
class SourceEditsTest {

	private static final String HELPER = """
			// Keeps the cabin comfortable.
			agent Helper {
				locales en-US

				intent Warm {
					en-US: "make it warm"
					slot temp: temperature
				}

				on voice Warm -> flow Heat

				flow Heat {
					ask Warm.temp // how warm?
					confirm "Set {temp}?"
						yes { say "Done." }
					// then cool down again
					run Helper.Cool
				}

				flow Cool {
				}
			}
			""";

	@Test
	void aStepGoesOnTheNextLineAfterTheCommentOfItsAnchorAndItsPlaceholderIsSelected() throws Exception {
		EditPlan plan = edits(HELPER).addStepAfter("Helper.flow.Heat.step.0", StepTemplate.say());

		String result = applied(HELPER, plan);
		assertEquals(HELPER.replace("ask Warm.temp // how warm?\n",
				"ask Warm.temp // how warm?\n\t\tsay \"What should the agent say?\"\n"), result);
		assertEquals("What should the agent say?",
				result.substring(plan.selectionOffset(), plan.selectionOffset() + plan.selectionLength()));
	}

	@Test
	void aStepAfterOneThatSharesItsLineGoesRightAfterIt() throws Exception {
		String result = applied(HELPER, edits(HELPER).addStepAfter("Helper.flow.Heat.step.1.yes.0", StepTemplate.end()));

		assertEquals(HELPER.replace("yes { say \"Done.\" }", "yes { say \"Done.\"\n\t\t\tend }"), result);
	}

	@Test
	void aStepInAnEmptyFlowGoesBetweenItsBraces() throws Exception {
		String result = applied(HELPER, edits(HELPER).addStepAfter("Helper.flow.Cool", StepTemplate.generate()));
		assertEquals(HELPER.replace("flow Cool {\n\t}",
				"flow Cool {\n\t\tgenerate \"Answer briefly, in the persona.\"\n\t}"), result);

		String oneLine = HELPER.replace("flow Cool {\n\t}", "flow Cool {}");
		assertEquals(HELPER.replace("flow Cool {\n\t}", "flow Cool {\n\t\tgenerate \"Answer briefly, in the persona.\"\n\t}"),
				applied(oneLine, edits(oneLine).addStepAfter("Helper.flow.Cool", StepTemplate.generate())));
	}

	@Test
	void aBranchIsNestedWithTheDocumentsOwnIndentation() throws Exception {
		String spaces = HELPER.replace("\t", "    ");

		String result = applied(spaces, edits(spaces).addStepAfter("Helper.flow.Heat.step.2", StepTemplate.branch()));

		assertEquals(spaces.replace("        run Helper.Cool\n", """
				        run Helper.Cool
				        branch {
				            when true {
				                say "…"
				            }
				            otherwise {
				                say "…"
				            }
				        }
				"""), result);
	}

	@Test
	void aCaseIsAddedAfterTheLastCaseOfABranch() throws Exception {
		String branched = applied(HELPER, edits(HELPER).addStepAfter("Helper.flow.Heat.step.2", StepTemplate.branch()));

		String result = applied(branched, edits(branched).addCase("Helper.flow.Heat.step.3"));

		assertEquals(branched.replace("\t\t\t}\n\t\t\totherwise {",
				"\t\t\t}\n\t\t\twhen true {\n\t\t\t\tsay \"…\"\n\t\t\t}\n\t\t\totherwise {"), result);
	}

	@Test
	void connectingATriggerToAFlowChangesWhatItStarts() throws Exception {
		EditPlan plan = edits(HELPER).connectToFlow("Helper.trigger.0", "Cool");

		String result = applied(HELPER, plan);
		assertEquals(HELPER.replace("on voice Warm -> flow Heat", "on voice Warm -> flow Cool"), result);
		assertEquals("flow Cool", result.substring(plan.selectionOffset(), plan.selectionOffset() + plan.selectionLength()));
	}

	@Test
	void connectingAStepToAFlowRunsItNext() throws Exception {
		String result = applied(HELPER, edits(HELPER).connectToFlow("Helper.flow.Heat.step.0", "Cool"));

		assertEquals(HELPER.replace("// how warm?\n", "// how warm?\n\t\trun Cool\n"), result);
		assertThrows(EditException.class, () -> edits(HELPER).connectToFlow("Helper.flow.Heat.step.0", "Freeze"));
	}

	@Test
	void renamingAFlowRenamesItsReferencesQualifiedOrNot() throws Exception {
		String result = applied(HELPER, edits(HELPER).rename("Helper.flow.Cool", "Chill"));

		assertEquals(HELPER.replace("run Helper.Cool", "run Helper.Chill").replace("flow Cool {", "flow Chill {"), result);
	}

	@Test
	void renamingAnIntentRenamesTheReferencesToItAndToItsSlots() throws Exception {
		EditPlan plan = edits(HELPER).rename("Helper.intent.Warm", "Heating");

		String result = applied(HELPER, plan);
		assertEquals(HELPER.replace("intent Warm {", "intent Heating {").replace("on voice Warm", "on voice Heating")
				.replace("ask Warm.temp", "ask Heating.temp"), result);
		assertEquals("Heating", result.substring(plan.selectionOffset(), plan.selectionOffset() + plan.selectionLength()));
	}

	@Test
	void aNameMustBeAnUnusedIdentifier() {
		SourceEdits edits = edits(HELPER);

		assertThrows(EditException.class, () -> edits.rename("Helper.flow.Cool", "2cool"));
		assertThrows(EditException.class, () -> edits.rename("Helper.flow.Cool", "flow"));
		EditException taken = assertThrows(EditException.class, () -> edits.rename("Helper.flow.Cool", "Heat"));
		assertEquals("there is already a flow named Heat", taken.getMessage());
	}

	@Test
	void deletingAStepTakesItsLineButNotTheCommentAboveIt() throws Exception {
		String result = applied(HELPER, edits(HELPER).delete("Helper.flow.Heat.step.2"));

		assertEquals(HELPER.replace("\t\trun Helper.Cool\n", ""), result);
	}

	@Test
	void deletingAStepThatSharesItsLineLeavesTheRestOfTheLine() throws Exception {
		String result = applied(HELPER, edits(HELPER).delete("Helper.flow.Heat.step.1.yes.0"));

		assertEquals(HELPER.replace("yes { say \"Done.\" }", "yes {  }"), result);
	}

	@Test
	void deletingATriggerLetsItsFlowBeDeletedToo() throws Exception {
		String withoutTrigger = applied(HELPER, edits(HELPER).delete("Helper.trigger.0"));
		assertEquals(HELPER.replace("\ton voice Warm -> flow Heat\n", ""), withoutTrigger);

		EditException used = assertThrows(EditException.class, () -> edits(HELPER).delete("Helper.flow.Heat"));
		assertEquals("flow Heat is still used on line 10; change that use first", used.getMessage());
		String withoutFlow = applied(withoutTrigger, edits(withoutTrigger).delete("Helper.flow.Heat"));
		assertFalse(withoutFlow.contains("flow Heat"));
	}

	@Test
	void deletingSeveralElementsAtOnceLetsOneUseAnotherAndTakesNestedOnesWithTheirParent() throws Exception {
		EditPlan plan = edits(HELPER).delete(List.of("Helper.flow.Heat", "Helper.trigger.0"));

		assertEquals(HELPER.replace("\ton voice Warm -> flow Heat\n", "").replace("""
				\tflow Heat {
				\t\task Warm.temp // how warm?
				\t\tconfirm "Set {temp}?"
				\t\t\tyes { say "Done." }
				\t\t// then cool down again
				\t\trun Helper.Cool
				\t}
				""", ""), applied(HELPER, plan));

		EditPlan steps = edits(HELPER).delete(
				List.of("Helper.flow.Heat.step.1.yes.0", "Helper.flow.Heat.step.1", "Helper.flow.Heat.step.0"));
		assertEquals(HELPER.replace("\t\task Warm.temp // how warm?\n\t\tconfirm \"Set {temp}?\"\n\t\t\tyes { say \"Done.\" }\n", ""),
				applied(HELPER, steps));
		assertEquals("Delete 2 elements", steps.description());
	}

	@Test
	void aStepMovesBeforeAnotherWithItsLinesAndIsSelectedThere() throws Exception {
		EditPlan plan = edits(HELPER).moveStep("Helper.flow.Heat.step.2", "Helper.flow.Heat.step.0", false);

		String result = applied(HELPER, plan);
		assertEquals(HELPER.replace("\t\trun Helper.Cool\n", "").replace("\t\task Warm.temp",
				"\t\trun Helper.Cool\n\t\task Warm.temp"), result);
		assertEquals("run Helper.Cool",
				result.substring(plan.selectionOffset(), plan.selectionOffset() + plan.selectionLength()));
	}

	@Test
	void aStepMovesAfterAnotherWithWhatItContainsAndAfterTheCommentThatEndsItsLine() throws Exception {
		String confirm = "\t\tconfirm \"Set {temp}?\"\n\t\t\tyes { say \"Done.\" }\n";
		String ask = "\t\task Warm.temp // how warm?\n";

		assertEquals(HELPER.replace(confirm, "").replace("\t\trun Helper.Cool\n", "\t\trun Helper.Cool\n" + confirm),
				applied(HELPER, edits(HELPER).moveStep("Helper.flow.Heat.step.1", "Helper.flow.Heat.step.2", true)));
		assertEquals(HELPER.replace("\t\trun Helper.Cool\n", "").replace(ask, ask + "\t\trun Helper.Cool\n"),
				applied(HELPER, edits(HELPER).moveStep("Helper.flow.Heat.step.2", "Helper.flow.Heat.step.0", true)));
	}

	@Test
	void aStepIsMovedWithinItsFlowToAnotherPlaceOnly() {
		String flows = HELPER.replace("\tflow Cool {\n\t}", "\tflow Cool {\n\t\tsay \"Cool.\"\n\t}");

		assertEquals("the step is there already", assertThrows(EditException.class,
				() -> edits(HELPER).moveStep("Helper.flow.Heat.step.0", "Helper.flow.Heat.step.1", false)).getMessage());
		assertEquals("a step can be moved within its flow only", assertThrows(EditException.class,
				() -> edits(flows).moveStep("Helper.flow.Cool.step.0", "Helper.flow.Heat.step.0", true)).getMessage());
		assertEquals("a step cannot be moved next to a step inside it", assertThrows(EditException.class,
				() -> edits(HELPER).moveStep("Helper.flow.Heat.step.1", "Helper.flow.Heat.step.1.yes.0", true)).getMessage());
	}

	@Test
	void windowsLineBreaksStayWindowsLineBreaks() throws Exception {
		String crlf = HELPER.replace("\n", "\r\n");

		String result = applied(crlf, edits(crlf).addStepAfter("Helper.flow.Heat.step.0", StepTemplate.say()));

		assertEquals(crlf.replace("ask Warm.temp // how warm?\r\n",
				"ask Warm.temp // how warm?\r\n\t\tsay \"What should the agent say?\"\r\n"), result);
	}

	@Test
	void callsAndRunsAreOfferedWithWhatTheAgentHas() throws Exception {
		String withTool = HELPER.replace("agent Helper {", """
				tool seat.heat(level: number, zone: text, boost: boolean = false) -> handler "seat"
				agent Helper {""");
		LoadResult loaded = load(withTool);
		CabinFile file = loaded.files().get(0);
		Flow cool = file.getAgents().get(0).getFlows().get(1);

		String result = applied(withTool, new SourceEdits(file).addStepAfter("Helper.flow.Heat.step.0",
				StepTemplate.call(file.getTools().get(0))));
		assertEquals(withTool.replace("// how warm?\n", "// how warm?\n\t\tcall seat.heat(level: 0, zone: \"\")\n"), result);
		assertEquals("run Cool", StepTemplate.run(cool).label());
	}

	private static SourceEdits edits(String text) {
		return new SourceEdits(load(text).files().get(0));
	}

	private static LoadResult load(String text) {
		LoadResult loaded = CabinSources.standalone().load(Path.of("helper.cabin"), text);
		assertFalse(loaded.hasErrors(), () -> loaded.problems() + "\n" + text);
		return loaded;
	}

	/** The text after the edit, which must parse and validate without errors. */
	private static String applied(String text, EditPlan plan) {
		String result = plan.applyTo(text);
		load(result);
		return result;
	}
}
