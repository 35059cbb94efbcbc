package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reachable while moving, as the driving-safety checks decide it: conservatively, unless every way into a
 * step contradicts the policy's condition.
 */
class DrivingPolicyTest {

	@TempDir
	Path dir;

	private static final String LONG = "This is a long explanation that goes on for many more words than a driver can follow.";

	private Checked agent(String triggers, String flows) {
		return Checked.source(dir, """
				agent Guide {
					locales en-US
					tool sunroof.open() "Opens the sunroof" -> actuator Vehicle.Cabin.Sunroof.Switch = "OPEN"
					intent Explain {
						en-US: "explain this", "what is this", "tell me about it"
					}
				%s
				%s
					policy driving when Vehicle.Speed > 0 {
						max words 10
						confirm actuators
					}
				}
				""".formatted(triggers, flows));
	}

	private static String flow(String name, String body) {
		return "\tflow " + name + " {\n" + body + "\n\t\tend\n\t}";
	}

	@Test
	void aLongReplyInAFlowThatAnyTriggerStartsIsReported() {
		Checked checked = agent("\ton voice Explain -> flow Tell", flow("Tell", "\t\tsay \"" + LONG + "\""));

		assertEquals(1, checked.codesOf("replyTooLongWhileMoving").size(), checked.toString());
	}

	@Test
	void aGuardThatContradictsThePolicyMakesTheFlowSafe() {
		Checked checked = agent("\ton voice Explain when Vehicle.Speed == 0 -> flow Tell",
				flow("Tell", "\t\tsay \"" + LONG + "\""));

		assertEquals(List.of(), checked.codesOf("replyTooLongWhileMoving"), checked.toString());
	}

	@Test
	void branchCasesAndOtherwiseNarrowTheConditions() {
		Checked checked = agent("\ton voice Explain -> flow Tell", flow("Tell", """
						branch {
							when Vehicle.Speed > 0 {
								say "Ask me when we stop."
							}
							otherwise {
								say "%s"
							}
						}""".formatted(LONG)));

		assertEquals(List.of(), checked.codesOf("replyTooLongWhileMoving"), checked.toString());
	}

	@Test
	void aConditionTooComplexToReasonAboutCountsAsPossiblyTrue() {
		Checked checked = agent("\ton voice Explain when Vehicle.Speed == 0 or Vehicle.Speed < 5 -> flow Tell",
				flow("Tell", "\t\tsay \"" + LONG + "\""));

		assertEquals(1, checked.codesOf("replyTooLongWhileMoving").size(), checked.toString());
	}

	@Test
	void aSubFlowInheritsTheConditionsOfEveryPlaceThatRunsIt() {
		String details = flow("Details", "\t\tsay \"" + LONG + "\"");
		String parked = flow("Tell", "\t\tbranch {\n\t\t\twhen Vehicle.Speed == 0 {\n\t\t\t\trun Details\n\t\t\t}\n"
				+ "\t\t\totherwise {\n\t\t\t\tsay \"Later.\"\n\t\t\t}\n\t\t}");

		Checked onlyParked = agent("\ton voice Explain -> flow Tell", parked + "\n" + details);
		Checked alsoDriving = agent("\ton voice Explain -> flow Tell\n\ton gesture SwipeUp -> flow Details",
				parked + "\n" + details);

		assertEquals(List.of(), onlyParked.codesOf("replyTooLongWhileMoving"), onlyParked.toString());
		assertEquals(1, alsoDriving.codesOf("replyTooLongWhileMoving").size(), alsoDriving.toString());
	}

	@Test
	void anActuatorNeedsAConfirmStepBeforeItWhileMoving() {
		Checked confirmed = agent("\ton voice Explain -> flow Open",
				flow("Open", "\t\tconfirm \"Open the sunroof?\" yes {\n\t\t\tcall sunroof.open()\n\t\t\tsay \"Opening.\"\n"
						+ "\t\t} no {\n\t\t\tsay \"Fine.\"\n\t\t}"));
		Checked unconfirmed = agent("\ton voice Explain -> flow Open",
				flow("Open", "\t\tcall sunroof.open()\n\t\tsay \"Opening.\""));
		Checked fromTrigger = agent("\ton gaze Cabin.Sunroof within 2s of voice Explain -> call sunroof.open()",
				"");

		assertEquals(List.of(), confirmed.codesOf("unconfirmedActuatorWhileMoving"), confirmed.toString());
		assertEquals(1, unconfirmed.codesOf("unconfirmedActuatorWhileMoving").size(), unconfirmed.toString());
		assertEquals(1, fromTrigger.codesOf("unconfirmedActuatorWhileMoving").size(), fromTrigger.toString());
	}

	@Test
	void chineseRepliesCountAWordPerTwoCharacters() {
		Checked checked = Checked.source(dir, """
				agent Guide {
					locales zh-CN
					intent Explain {
						zh-CN: "这是什么", "解释一下", "这个按钮干什么用"
					}
					on voice Explain -> flow Tell
					flow Tell {
						say "这个按钮用来打开后窗加热。"
						say "这个按钮用来打开和关闭后窗加热功能，十五分钟后会自动关闭，请注意。"
						end
					}
					policy driving when Vehicle.Speed > 0 {
						max words 10
					}
				}
				""");

		assertEquals(List.of("9:replyTooLongWhileMoving"), checked.codesOf("replyTooLongWhileMoving"), checked.toString());
	}
}
