package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cabin.compiler.CabinCompiler;
import dev.cabin.dsl.load.CabinSources;
import dev.cabin.dsl.load.LoadResult;
import dev.cabin.dsl.validation.CabinIssueCodes;
import dev.cabin.engine.Engine;
import dev.cabin.engine.Session;
import dev.cabin.engine.event.InputEvent;
import dev.cabin.engine.nlu.SentenceEncoders;

/**
 * The validator warns that a reply is too long while moving exactly when the engine, with the policy in force,
 * shortens it: both count words the same way, on texts where two counters used to disagree (units, kana,
 * Han characters, digits, punctuation).
 */
class WordLimitAgreementTest {

	private static final int MAX_WORDS = 6;

	/** Each text and whether it is longer than {@link #MAX_WORDS}. */
	private record Reply(String text, boolean tooLong) {
	}

	private static final List<Reply> REPLIES = List.of(
			new Reply("Turn left in two hundred metres.", false),
			new Reply("Turn left in about two hundred metres.", true),
			new Reply("The limit here is 50 km/h.", false),
			new Reply("It is 20°C outside, and 18°C inside.", true),
			new Reply("Sure — it's done, see the e-mail!", false),
			new Reply("Heater on: 3.5 min, then off at 10:30 sharp.", true),
			new Reply("OK!!! … — Done.", false),
			new Reply("前方两百米左转。", false),
			new Reply("前方两百米左转然后直行一公里", true),
			new Reply("车速 120 km/h。", false),
			new Reply("はい、窓を開けます。", false),
			new Reply("タイヤの空気圧は正常です。", false),
			new Reply("コーヒーショップまであと三キロメートルです。", true));

	private static Set<Integer> warned;
	private static Engine engine;

	@BeforeAll
	static void checkAndCompileTheAgent() throws Exception {
		StringBuilder source = new StringBuilder("agent Guide {\n\tlocales en-US\n");
		for (int i = 0; i < REPLIES.size(); i++) {
			source.append("\ton touch \"t").append(i).append("\" -> flow F").append(i).append('\n');
		}
		source.append("\tpolicy driving when Vehicle.Speed > 0 { max words ").append(MAX_WORDS).append(" }\n");
		int firstFlowLine = (int) source.chars().filter(c -> c == '\n').count() + 1;
		for (int i = 0; i < REPLIES.size(); i++) {
			source.append("\tflow F").append(i).append(" { say \"").append(REPLIES.get(i).text()).append("\" }\n");
		}
		source.append("}\n");
		LoadResult loaded = CabinSources.standalone().load(Path.of("guide.cabin"), source.toString());
		assertFalse(loaded.hasErrors(), () -> "the agent has errors: " + loaded.problems());
		warned = loaded.problems().stream()
				.filter(problem -> CabinIssueCodes.REPLY_TOO_LONG_WHILE_MOVING.equals(problem.code()))
				.map(problem -> problem.line() - firstFlowLine).collect(Collectors.toSet());
		engine = Engine.load(new CabinCompiler(SentenceEncoders.embedded()).compile(loaded.files()),
				SentenceEncoders.embedded());
	}

	@Test
	void theValidatorWarnsExactlyAboutTheRepliesTheEngineShortens() {
		Set<Integer> shortened = IntStream.range(0, REPLIES.size())
				.filter(WordLimitAgreementTest::shortenedWhileMoving).boxed().collect(Collectors.toSet());

		assertEquals(warned, shortened);
	}

	@Test
	void theWarningsAreAboutTheRepliesLongerThanTheLimit() {
		Set<Integer> tooLong = IntStream.range(0, REPLIES.size()).filter(i -> REPLIES.get(i).tooLong()).boxed()
				.collect(Collectors.toSet());

		assertEquals(tooLong, warned);
	}

	private static boolean shortenedWhileMoving(int reply) {
		Session session = engine.openSession("Guide");
		session.given("Vehicle.Speed", 30.0);
		return session.handle(new InputEvent.Touch("t" + reply)).trace().transitions().stream()
				.anyMatch(transition -> transition.contains("reply shortened"));
	}
}
