package dev.cabin.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.dsl.cabin.Agent;
import dev.cabin.dsl.cabin.Confidence;
import dev.cabin.dsl.cabin.Intent;
import dev.cabin.dsl.load.Problem;
import dev.cabin.dsl.query.IntentRisk;
import dev.cabin.dsl.validation.CabinIssueCodes;

/**
 * The language of risk-aware acceptance and of replies that may miss a value: {@code confidence}, {@code ask},
 * {@code say ... otherwise ...}, {@code expect confirm}; the default confidence by what an intent does; and the
 * warnings about intents too close to tell apart and about signals a car may not report.
 */
class RiskLanguageTest {

	@TempDir
	Path dir;

	private static final String ROOF = """
			agent Roof {
				locales en-US, zh-CN
				tool sunroof.open() "Opens the sunroof" -> actuator Vehicle.Cabin.Sunroof.Switch = "OPEN"
				entity Level {
					value low zh-CN: "低"
					value high zh-CN: "高"
				}
				intent OpenSunroof {
					ask en-US "Did you mean to open the sunroof?" zh-CN "是要打开天窗吗？"
					en-US: "open the sunroof", "let some air in", "slide the roof open"
					zh-CN: "打开天窗", "把天窗打开", "开一下天窗"
				}
				intent RoofState {
					en-US: "is the sunroof open", "how far is the sunroof open", "is the roof closed"
					zh-CN: "天窗开着吗", "天窗关了吗", "天窗开了多少"
				}
				intent RoofHelp {
					confidence high
					en-US: "how does the sunroof work", "explain the roof controls", "what can the sunroof do"
					zh-CN: "天窗怎么用", "天窗有什么功能", "介绍一下天窗"
				}
				on voice OpenSunroof -> flow Open
				on voice RoofState -> flow Tell
				on voice RoofHelp -> flow Tell
				flow Open {
					run Move
					say "Opening." zh-CN "正在打开。"
				}
				flow Move {
					call sunroof.open()
					end
				}
				flow Tell {
					say "The sunroof is {Vehicle.Cabin.Sunroof.Position} percent open." zh-CN "天窗开了{Vehicle.Cabin.Sunroof.Position}%。"
						otherwise "I can't tell." zh-CN "我不知道。"
					end
				}
				test "a vague request asks" {
					user "roof"
					expect confirm
				}
			}
			""";

	@Test
	void confidenceAskOtherwiseAndExpectConfirmParseAndCheckClean() {
		Checked checked = Checked.source(dir, ROOF);

		assertEquals(List.of(), checked.codes(), checked.toString());
	}

	@Test
	void anIntentDefaultsToHighConfidenceWhenItsFlowsActAndToNormalWhenTheyOnlyAnswer() {
		Agent roof = Checked.source(dir, ROOF).result.files().get(0).getAgents().get(0);

		assertEquals(Confidence.HIGH, IntentRisk.of(intent(roof, "OpenSunroof")), "through the sub-flow Move");
		assertEquals(Confidence.NORMAL, IntentRisk.of(intent(roof, "RoofState")));
		assertEquals(Confidence.HIGH, IntentRisk.of(intent(roof, "RoofHelp")), "written, though it only answers");
		assertTrue(IntentRisk.isSet(intent(roof, "RoofHelp")));
		assertFalse(IntentRisk.isSet(intent(roof, "OpenSunroof")));
	}

	@Test
	void aConfidenceOtherThanHighNormalOrLowIsASyntaxError() {
		Checked checked = Checked.source(dir, ROOF.replace("confidence high", "confidence certain"));

		assertTrue(checked.result.hasErrors(), checked.toString());
		assertEquals(18, firstErrorLine(checked), checked.toString());
	}

	@Test
	void lowConfidenceOnAnIntentThatActsIsWarnedAbout() {
		Checked checked = Checked.source(dir, ROOF.replace("intent OpenSunroof {", "intent OpenSunroof {\n\t\tconfidence low"));

		assertEquals(List.of("9:lowConfidenceActs"), checked.codes(), checked.toString());
	}

	@Test
	void aQuestionWithoutTheSecondLocaleIsWarnedAbout() {
		Checked checked = Checked.source(dir, ROOF.replace(" zh-CN \"是要打开天窗吗？\"", ""));

		assertEquals(List.of("9:missingLocale"), checked.codes(), checked.toString());
	}

	@Test
	void twoIntentsWithAlmostTheSameExampleAreTooCloseWithBothExamplesForTheQuickFix() {
		Checked checked = Checked.source(dir, ROOF.replace("\"is the roof closed\"", "\"open the sunroof now\""));

		assertEquals(List.of("14:closeIntents"), checked.codes(), checked.toString());
		Problem close = checked.result.problems().get(0);
		assertEquals(CabinIssueCodes.CLOSE_INTENTS, close.code());
		assertTrue(close.message().contains("\"open the sunroof now\" is close to \"open the sunroof\" of OpenSunroof"),
				close.message());
	}

	@Test
	void chineseExamplesAreComparedCharacterByCharacter() {
		Checked checked = Checked.source(dir, ROOF.replace("\"天窗开了多少\"", "\"打开天窗吧\""));

		assertEquals(List.of("15:closeIntents"), checked.codes(), checked.toString());
	}

	@Test
	void aSayThatReadsASensorWithoutAnAlternativeIsWarnedAbout() {
		Checked checked = Checked.source(dir, ROOF.replace("\t\t\totherwise \"I can't tell.\" zh-CN \"我不知道。\"\n", ""));

		assertEquals(List.of("34:unprovidedSignal", "34:unprovidedSignal"), checked.codes(), "one per locale: " + checked);
		assertTrue(checked.result.problems().get(0).message().contains("can't read the sunroof position right now"),
				checked.toString());
	}

	@Test
	void aFalseAcceptsBoundThatATestCannotMeetOrMissIsWarnedAbout() {
		String source = ROOF.substring(0, ROOF.lastIndexOf('}')) + """
					test "never" {
						expect false accepts below 0%
					}
					test "always" {
						expect false accepts below 100%
					}
					test "under one percent" {
						expect false accepts below 0.5%
					}
				}
				""";
		Checked checked = Checked.source(dir, source);

		assertEquals(List.of(lineOf(source, "below 0%") + ":falseAcceptsBound",
				lineOf(source, "below 100%") + ":falseAcceptsBound"), checked.codes(), checked.toString());
		assertTrue(checked.result.problems().get(0).message().contains("always fails"), checked.toString());
		assertTrue(checked.result.problems().get(1).message().contains("a bound of 100% tests nothing"),
				checked.toString());
	}

	private static int lineOf(String source, String text) {
		List<String> lines = source.lines().toList();
		return lines.indexOf(lines.stream().filter(line -> line.contains(text)).findFirst().orElseThrow()) + 1;
	}

	private static int firstErrorLine(Checked checked) {
		return checked.result.problems().get(0).line();
	}

	private static Intent intent(Agent agent, String name) {
		return agent.getIntents().stream().filter(i -> name.equals(i.getName())).findFirst().orElseThrow();
	}
}
