package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.ClassifierIr;
import dev.cabin.engine.ir.EncoderInfo;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExampleIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IntentIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.IrHeader;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;

class IrCodecTest {

	private final IrCodec codec = new IrCodec();

	@Test
	void anIrSurvivesTheRoundTripThroughJson() throws Exception {
		float[] vector = { 0.25f, -1.5f, 3.0f };
		CabinIr ir = new CabinIr(CabinIr.FORMAT_VERSION, Map.of("en", new EncoderInfo("test-model", 3)),
				List.of(new AgentIr("A", "Agent A", List.of("en-US"), Map.of("en-US", "calm"), List.of("hey"), null,
						List.of(), List.of(new IntentIr("Hello", List.of(new ExampleIr("en-US", "hello", IrCodec.pack(vector))),
								List.of())),
						List.of(), List.of(TriggerIr.on(new EventIr.Voice("Hello"), new ActionIr.StartFlow("Greet"))),
						List.of(new FlowIr("Greet", List.of(new StepIr.Say(Map.of("en-US", "Hi!"), Map.of()), new StepIr.End()))),
						List.of(), null, List.of())));

		CabinIr read = codec.read(new ByteArrayInputStream(write(ir)));

		AgentIr agent = read.agents().get(0);
		assertEquals(ir.encoders(), read.encoders());
		assertEquals(List.of("en-US"), agent.locales());
		assertArrayEquals(vector, IrCodec.unpack(agent.intents().get(0).examples().get(0).embedding()));
		assertEquals(ir.agents().get(0).triggers(), agent.triggers());
		assertEquals(ir.agents().get(0).flows(), agent.flows());
	}

	@Test
	void embeddingsAreStoredInHalfPrecisionWithoutChangingCosines() {
		java.util.Random random = new java.util.Random(7);
		float[] a = new float[384];
		float[] b = new float[384];
		for (int i = 0; i < a.length; i++) {
			a[i] = (float) random.nextGaussian();
			b[i] = a[i] + (float) random.nextGaussian() * 0.5f;
		}
		a = dev.cabin.engine.nlu.Vectors.normalized(a);
		b = dev.cabin.engine.nlu.Vectors.normalized(b);

		float[] packedA = IrCodec.unpack(IrCodec.pack(a));

		assertEquals(384 * 2, IrCodec.pack(a).length);
		assertEquals(dev.cabin.engine.nlu.Vectors.dot(a, b), dev.cabin.engine.nlu.Vectors.dot(packedA, b), 1e-3);
		float[] special = { 0f, -0f, 1f, -2.5f, 65504f, 1e6f, 6.0e-8f, 1e-9f };
		assertArrayEquals(new float[] { 0f, -0f, 1f, -2.5f, 65504f, Float.POSITIVE_INFINITY, 5.9604645e-8f, 0f },
				IrCodec.unpack(IrCodec.pack(special)));
	}

	@Test
	void anExampleWithoutEmbeddingLeavesTheFieldOut() throws Exception {
		CabinIr ir = new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(new AgentIr("A", "A", List.of("en-US"),
				Map.of(), List.of(), null, List.of(), List.of(new IntentIr("Hello", List.of(new ExampleIr("en-US", "hello")),
						List.of())),
				List.of(), List.of(), List.of(), List.of(), null, List.of())));

		byte[] json = write(ir);

		assertFalse(new String(json, StandardCharsets.UTF_8).contains("embedding"));
		assertNull(codec.read(new ByteArrayInputStream(json)).agents().get(0).intents().get(0).examples().get(0)
				.embedding());
	}

	@Test
	void theHeaderIsReadWithoutTheAgentsSoThatModelsLoadMeanwhile() throws Exception {
		String brokenBody = "{\"formatVersion\": " + CabinIr.FORMAT_VERSION + ", \"encoders\": {\"en\": {\"modelId\": \"m\", \"dimension\": 3}},\n"
				+ " \"agents\": [ }";

		IrHeader header = IrHeader.read(brokenBody.getBytes(StandardCharsets.UTF_8));
		IrFormatException error = assertThrows(IrFormatException.class, () -> read(brokenBody));

		assertEquals(CabinIr.FORMAT_VERSION, header.formatVersion());
		assertEquals(Map.of("en", new EncoderInfo("m", 3)), header.encoders());
		assertTrue(error.getMessage().contains("line 2"), error.getMessage());
	}

	@Test
	void anEncoderWithoutModelIsRefusedWithItsLine() {
		String noModel = "{\"formatVersion\": 2,\n \"encoders\": {\"en\": {\"dimension\": 3}}, \"agents\": []}";

		IrFormatException error = assertThrows(IrFormatException.class,
				() -> IrHeader.read(noModel.getBytes(StandardCharsets.UTF_8)));

		assertEquals("corrupt Cabin IR: encoders.en needs a modelId and a dimension (line 2)", error.getMessage());
	}

	@Test
	void anIrOfAnotherFormatVersionIsRefusedWithTheReason() {
		String future = "{\"formatVersion\": 99, \"encoders\": {}, \"agents\": []}";

		IrFormatException error = assertThrows(IrFormatException.class, () -> read(future));

		assertTrue(error.getMessage().contains("version 99"), error.getMessage());
	}

	@Test
	void invalidJsonIsRefusedWithItsPosition() {
		IrFormatException error = assertThrows(IrFormatException.class,
				() -> read("{\"formatVersion\": 2,\n \"agents\": [ }"));

		assertTrue(error.getMessage().contains("line 2"), error.getMessage());
	}

	@Test
	void aStructurallyCorruptIrIsRefused() {
		String corrupt = "{\"formatVersion\": " + CabinIr.FORMAT_VERSION + ", \"encoders\": {}, \"agents\": [{\"id\": \"A\", \"triggers\": [{\"event\": {\"modality\": \"telepathy\"}}]}]}";

		IrFormatException error = assertThrows(IrFormatException.class, () -> read(corrupt));

		assertTrue(error.getMessage().startsWith("corrupt Cabin IR"), error.getMessage());
	}

	@Test
	void anActingBoundaryThatIsNoNumberIsRefused() throws Exception {
		CabinIr ir = new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(new AgentIr("A", "Agent A", List.of("en-US"),
				Map.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				new ClassifierIr(ClassifierIr.NEAREST_EXAMPLE, 0.55, Map.of(), Map.of("en", Map.of("Hello", 0.8))),
				List.of())));
		String json = new String(write(ir), StandardCharsets.UTF_8);
		assertTrue(json.matches("(?s).*\"Hello\" : 0\\.8.*"), json);

		IrFormatException error = assertThrows(IrFormatException.class,
				() -> read(json.replaceFirst("\"Hello\" : 0\\.8", "\"Hello\" : null")));

		assertTrue(error.getMessage().startsWith("corrupt Cabin IR")
				&& error.getMessage().contains("an acting boundary of language \"en\" is no number"), error.getMessage());
	}

	private CabinIr read(String json) throws IrFormatException {
		return codec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] write(CabinIr ir) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		codec.write(ir, out);
		return out.toByteArray();
	}
}
