package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cabin.conversation.ConversationRunner;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.Engine;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.PolicyIr;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TestIr;
import dev.cabin.engine.ir.ToolIr;
import dev.cabin.engine.ir.TriggerIr;

/** The compiler on the test agents: what reaches the IR, and that the agents pass their conversation tests. */
class CompilerTest {

	@Test
	void everyConstructReachesTheIr() {
		AgentIr comfort = TestAgents.comfort().agent("Comfort");

		TriggerIr fused = comfort.triggers().get(0);
		assertEquals(new EventIr.Gaze("Cabin.Sunroof", 0), fused.event());
		assertEquals(new EventIr.Voice("OpenThat"), fused.partner());
		assertEquals(2_000, fused.windowMs());
		assertInstanceOf(ActionIr.Call.class, fused.action());
		EventIr.Signal speeding = (EventIr.Signal) comfort.triggers().stream()
				.filter(t -> t.event() instanceof EventIr.Signal).findFirst().orElseThrow().event();
		assertEquals(3_000, speeding.debounceMs());
		assertEquals(10.0, speeding.hysteresis());
		assertEquals(new ExprIr.Ref("Vehicle.Speed"), speeding.condition().left());

		PolicyIr driving = comfort.policies().get(0);
		assertEquals(12, driving.maxWords());
		assertTrue(driving.noScreenText() && driving.confirmActuators());
		assertEquals(List.of("seat.heat"), driving.deniedTools());

		ToolIr sunroof = comfort.tool("sunroof.open");
		assertEquals(new ToolIr.Binding.Actuator("Vehicle.Cabin.Sunroof.Position", null), sunroof.binding());
		assertEquals(100.0, sunroof.param("position").defaultValue().value());
		assertNotNull(comfort.tool("navigation.route"), "a file-level tool is every agent's");

		StepIr.Ask ask = (StepIr.Ask) comfort.flow("Temperature").steps().get(0);
		assertEquals("SetTemperature", ask.intent());
		assertEquals("temp", ask.slot());
		assertEquals(20_000L, comfort.defaults().timeoutMs());
		assertEquals(new StepIr.Handoff("Travel", "PlanTrip"), comfort.flow("ToTravel").steps().get(1));

		TestIr gazeFirst = comfort.tests().get(0);
		assertTrue(gazeFirst.source().endsWith("comfort.cabin"), gazeFirst.source());
		assertEquals(new TestIr.Step.Input(new InputEvent.Gaze("Cabin.Sunroof", 1_000L), gazeFirst.line() + 1),
				gazeFirst.steps().get(0));
	}

	@Test
	void examplesKeepTheirSlotMarkersAndLeaveTheirEmbeddingsToTheTrainedClassifier() {
		AgentIr comfort = TestAgents.comfort().agent("Comfort");

		var example = comfort.intent("SetTemperature").examples().get(0);

		assertEquals("set the temperature to {temp}", example.text(), "the IR keeps the marker for template matching");
		assertNull(example.embedding(), "the softmax classifier never reads example embeddings; a car would parse them");
	}

	@Test
	void theIrSurvivesItsJsonForm() throws Exception {
		IrCodec codec = new IrCodec();
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		codec.write(TestAgents.comfort(), first);

		CabinIr read = codec.read(new ByteArrayInputStream(first.toByteArray()));
		ByteArrayOutputStream second = new ByteArrayOutputStream();
		codec.write(read, second);

		assertEquals(first.toString(StandardCharsets.UTF_8), second.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theTestAgentsPassTheirConversationTests() throws Exception {
		CabinIr ir = TestAgents.comfort();
		Engine engine = Engine.load(ir, OnnxModels.encoders());

		List<ConversationRunner.Result> results = new ConversationRunner(engine, agent -> {
			throw new AssertionError("no test of the test agents asserts false accepts");
		}).runAll(ir);

		assertEquals(18, results.size());
		String failures = results.stream().filter(r -> !r.passed())
				.map(r -> r.agent() + " \"" + r.test() + "\": " + r.failures() + "\n    " + String.join("\n    ", r.transcript()))
				.collect(Collectors.joining("\n"));
		assertTrue(failures.isEmpty(), failures);
	}
}
