package dev.cabin.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.ir.ActionIr;
import dev.cabin.engine.ir.AgentIr;
import dev.cabin.engine.ir.CabinIr;
import dev.cabin.engine.ir.EventIr;
import dev.cabin.engine.ir.ExprIr;
import dev.cabin.engine.ir.FlowIr;
import dev.cabin.engine.ir.IrCodec;
import dev.cabin.engine.ir.IrFormatException;
import dev.cabin.engine.ir.StepIr;
import dev.cabin.engine.ir.TriggerIr;
import dev.cabin.engine.ir.ValueIr;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * An {@code or} or an {@code and} of any number of operands, as one IR node: true when any (all) of them is,
 * after the trip through JSON that a car's IR takes; an IR nested deeper than the engine reads is refused with
 * the limit named, and one nested up to the limit reads on a small thread stack.
 */
class OperatorChainTest {

	private static final int TERMS = 50_000;
	private static final SentenceEncoders NO_MODELS = new SentenceEncoders(language -> {
		throw new AssertionError("an agent without intents needs no sentence model");
	});

	private final IrCodec codec = new IrCodec();

	@Test
	void anOrIsTrueWhenAnyOperandIsAndAnAndWhenAllAre() throws Exception {
		ExprIr anyOf = new ExprIr.Or(terms(i -> speed("==", i)));
		ExprIr allOf = new ExprIr.And(terms(i -> speed(">=", i)));
		Session session = Engine.load(readBack(agent(Map.of("any", anyOf, "all", allOf))), NO_MODELS).openSession();

		assertEquals(List.of("any yes", "all yes"), answers(session, TERMS - 1));
		assertEquals(List.of("any no", "all yes"), answers(session, TERMS));
		assertEquals(List.of("any yes", "all no"), answers(session, TERMS - 2));
	}

	@Test
	void anOrWithOneOperandIsRefusedAsCorrupt() throws Exception {
		ExprIr twoOperands = new ExprIr.Or(List.of(new ExprIr.Ref("Vehicle.Speed"), new ExprIr.Ref("SECOND")));
		String json = json(agent(Map.of("one", twoOperands)))
				.replaceFirst("\\},\\s*\\{\\s*\"kind\" : \"ref\",\\s*\"path\" : \"SECOND\"\\s*\\}", "}");

		IrFormatException error = assertThrows(IrFormatException.class, () -> read(json));

		assertTrue(error.getMessage().contains("\"or\" needs two or more operands"), error.getMessage());
	}

	@Test
	void anIrNestedDeeperThanTheLimitIsRefusedWithTheLimitNamed() throws Exception {
		/* 100,000 nots, which the reader binds one inside the other: where a deep document costs a reader its stack */
		String json = json(agent(Map.of("deep", new ExprIr.Ref("PLACEHOLDER")))).replaceFirst(
				"\\{\\s*\"kind\" : \"ref\",\\s*\"path\" : \"PLACEHOLDER\"\\s*\\}",
				"{\"kind\":\"not\",\"operand\":".repeat(100_000) + "{\"kind\":\"ref\",\"path\":\"x\"}" + "}".repeat(100_000));
		assertTrue(json.length() > 100_000, "the expression was replaced");

		IrFormatException error = assertThrows(IrFormatException.class, () -> read(json));

		assertTrue(error.getMessage().contains("nested deeper than " + IrCodec.MAX_DEPTH + " levels at line"),
				error.getMessage());
	}

	@Test
	void anIrNestedUpToTheLimitIsReadOnASmallThreadStack() throws Throwable {
		ExprIr deepest = speed("==", 1);
		for (int i = 0; i < IrCodec.MAX_DEPTH - 12; i++) {
			deepest = new ExprIr.Not(deepest);
		}
		CabinIr ir = agent(Map.of("deep", deepest));
		String json = json(ir);
		Throwable[] failure = new Throwable[1];
		CabinIr[] read = new CabinIr[1];

		Thread reader = new Thread(null, () -> {
			try {
				read[0] = read(json);
			} catch (Throwable e) {
				failure[0] = e;
			}
		}, "small stack", 512 * 1024);
		reader.start();
		reader.join();

		if (failure[0] != null) {
			throw failure[0];
		}
		assertEquals(ir.agents(), read[0].agents());
	}

	private static List<ExprIr> terms(IntFunction<ExprIr> term) {
		return IntStream.range(0, TERMS).mapToObj(term).toList();
	}

	private static ExprIr speed(String op, int value) {
		return new ExprIr.Compare(new ExprIr.Ref("Vehicle.Speed"), op, new ExprIr.Literal(ValueIr.of((double) value)));
	}

	/* One flow per condition, started by touching the control of its name: says "NAME yes" or "NAME no". */
	private static CabinIr agent(Map<String, ExprIr> conditions) {
		List<String> names = conditions.keySet().stream().sorted().toList();
		List<TriggerIr> triggers = names.stream()
				.map(name -> TriggerIr.on(new EventIr.Touch(name), new ActionIr.StartFlow(name))).toList();
		List<FlowIr> flows = names.stream().map(name -> new FlowIr(name, List.of(
				new StepIr.Branch(List.of(new StepIr.Case(conditions.get(name), List.of(say(name + " yes")))),
						List.of(say(name + " no"))),
				new StepIr.End()))).toList();
		AgentIr agent = new AgentIr("Chains", "Chains", List.of("en-US"), Map.of(), List.of(), null, List.of(),
				List.of(), List.of(), triggers, flows, List.of(), null, List.of());
		return new CabinIr(CabinIr.FORMAT_VERSION, Map.of(), List.of(agent));
	}

	private static StepIr say(String text) {
		return new StepIr.Say(Map.of("en-US", text), Map.of());
	}

	private static List<String> answers(Session session, int speed) {
		session.handle(new InputEvent.Signal("Vehicle.Speed", speed));
		return List.of(session.handle(new InputEvent.Touch("any")).replies().get(0).text(),
				session.handle(new InputEvent.Touch("all")).replies().get(0).text());
	}

	private CabinIr readBack(CabinIr ir) throws IOException, IrFormatException {
		return read(json(ir));
	}

	private String json(CabinIr ir) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		codec.write(ir, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private CabinIr read(String json) throws IrFormatException {
		return codec.read(json.getBytes(StandardCharsets.UTF_8));
	}
}
