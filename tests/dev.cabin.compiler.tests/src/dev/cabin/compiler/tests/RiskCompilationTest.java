package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.Confidence;
import dev.cabin.engine.ir.StepIr;

/** How sure an agent must be before it acts, as the compiler writes it into the IR. */
class RiskCompilationTest {

	private static final String SOURCE = """
			agent Roof {
				locales en-US, zh-CN
				tool sunroof.open() "Opens the sunroof" -> actuator Vehicle.Cabin.Sunroof.Switch = "OPEN"
				tool sunroof.close() "Closes the sunroof" -> actuator Vehicle.Cabin.Sunroof.Switch = "CLOSE"
				intent OpenSunroof {
					en-US: "open the sunroof", "let some air in", "slide the roof open", "open the roof"
					zh-CN: "打开天窗", "把天窗打开", "开一下天窗"
				}
				intent CloseSunroof {
					ask en-US "Shall I close the sunroof?" zh-CN "要关上天窗吗？"
					en-US: "close the sunroof", "shut the roof", "close the roof please", "seal the roof"
					zh-CN: "关上天窗", "把天窗关了", "关闭天窗"
				}
				intent RoofState {
					en-US: "is the sunroof open", "how far is the sunroof open", "is the roof closed"
					zh-CN: "天窗开着吗", "天窗关了吗", "天窗开了多少"
				}
				intent RoofHelp {
					confidence low
					en-US: "how does the sunroof work", "explain the roof controls", "what can the sunroof do"
					zh-CN: "天窗怎么用", "天窗有什么功能", "介绍一下天窗"
				}
				intent Vent {
					confidence normal
					en-US: "vent the roof", "tilt the sunroof", "crack the roof a bit"
					zh-CN: "天窗起翘", "把天窗翘起来", "天窗开条缝"
				}
				on voice OpenSunroof -> flow Open
				on voice CloseSunroof -> call sunroof.close()
				on voice RoofState -> flow Tell
				on voice RoofHelp -> flow Tell
				on voice Vent -> flow VentRoof
				flow Open {
					say "Opening the sunroof." zh-CN "正在打开天窗。"
					run Move
				}
				flow Move {
					call sunroof.open()
					end
				}
				flow Tell {
					say "The sunroof is {Vehicle.Cabin.Sunroof.Position} percent open." zh-CN "天窗开了{Vehicle.Cabin.Sunroof.Position}%。"
						otherwise "I can't tell where the sunroof is." zh-CN "我现在不知道天窗的位置。"
					end
				}
				flow VentRoof {
					call sunroof.open()
					end
				}
			}
			""";

	private static AgentIr roof;

	@BeforeAll
	static void compile(@TempDir Path folder) throws Exception {
		Path source = folder.resolve("roof.cabin");
		Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
		roof = TestAgents.compile(source).agent("Roof");
	}

	@Test
	void anIntentThatActsThroughASubFlowOrATriggerNeedsHighConfidence() {
		assertEquals(Confidence.HIGH, roof.intent("OpenSunroof").confidence(), "its flow runs a flow that calls a tool");
		assertEquals(Confidence.HIGH, roof.intent("CloseSunroof").confidence(), "its trigger calls a tool");
	}

	@Test
	void anIntentThatOnlyAnswersNeedsNormalConfidence() {
		assertEquals(Confidence.NORMAL, roof.intent("RoofState").confidence());
	}

	@Test
	void theAuthorsConfidenceWins() {
		assertEquals(Confidence.LOW, roof.intent("RoofHelp").confidence());
		assertEquals(Confidence.NORMAL, roof.intent("Vent").confidence());
	}

	@Test
	void theQuestionAndTheAlternativeReachTheIr() {
		assertEquals(Map.of("en-US", "Shall I close the sunroof?", "zh-CN", "要关上天窗吗？"),
				roof.intent("CloseSunroof").ask());
		StepIr.Say say = (StepIr.Say) roof.flow("Tell").steps().get(0);
		assertEquals("I can't tell where the sunroof is.", say.otherwise().get("en-US"));
	}

	@Test
	void everyIntentHasAnActingBoundaryPerLanguageAboveTheThreshold() {
		for (String language : new String[] { "en", "zh" }) {
			Map<String, Double> act = roof.classifier().act().get(language);
			double threshold = ((Number) ((Map<?, ?>) roof.classifier().parameters().get(language)).get("threshold"))
					.doubleValue();
			assertEquals(roof.intents().stream().map(intent -> intent.name()).toList(), List.copyOf(act.keySet()));
			act.forEach((intent, boundary) -> assertTrue(boundary >= threshold && boundary < 1,
					language + " " + intent + ": act " + boundary + ", threshold " + threshold));
		}
	}
}
