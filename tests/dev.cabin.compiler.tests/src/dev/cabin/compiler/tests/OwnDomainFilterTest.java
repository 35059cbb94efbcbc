package dev.cabin.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cabin.background.BackgroundCorpus;
import dev.cabin.background.BackgroundVectors;
import dev.cabin.background.OwnDomainFilter;
import dev.cabin.embeddings.onnx.OnnxModels;
import dev.cabin.engine.nlu.Language;
import dev.cabin.engine.nlu.Progress;
import dev.cabin.engine.nlu.SentenceEncoder;
import dev.cabin.language.TextNormalizer;

/** Background lines that ask what an agent does are not negatives for it. */
class OwnDomainFilterTest {

	private static final List<String> CAR_GENIUS = List.of("what's my tire pressure", "check the tire pressure",
			"do my tires need air", "when is my next oil change", "do I need an oil change",
			"how do I jump start the car", "my battery is dead", "help me jump the battery",
			"what does this warning light mean", "is the engine overheating");

	private final SentenceEncoder encoder = OnnxModels.encoders().forLanguage(Language.EN);
	private final List<BackgroundCorpus.Line> lines = BackgroundCorpus.builtIn().lines(Language.EN);
	private final float[][] vectors = BackgroundVectors.of(BackgroundCorpus.builtIn(), Language.EN, encoder, null,
			Progress.NONE);

	@Test
	void aDiagnosticsAgentKeepsTirePressureAndJumpStartOutOfItsNegativesButNotMusic() {
		List<float[]> examples = CAR_GENIUS.stream().map(TextNormalizer::normalize).map(encoder::encode).toList();

		OwnDomainFilter.Result result = OwnDomainFilter.unrelated(lines, vectors, examples, CAR_GENIUS,
				Set.of("TirePressure", "OilChange", "JumpStart", "WarningLight", "EngineTemperature"));

		assertTrue(result.ownLabels().keySet().containsAll(Set.of("clinc150:tire_pressure", "clinc150:jump_start",
				"clinc150:oil_change_when")), "own labels: " + result.ownLabels());
		Set<String> keptLabels = result.kept().stream().map(i -> lines.get(i).label()).collect(Collectors.toSet());
		assertFalse(keptLabels.contains("clinc150:tire_pressure"), "tire pressure lines stay negatives");
		assertTrue(keptLabels.containsAll(Set.of("snips2017:PlayMusic", "clinc150:timer", "clinc150:oos")),
				"unrelated labels were left out: " + keptLabels);
		assertTrue(result.kept().size() > lines.size() * 9 / 10, "more than a tenth left out: " + result.leftOut());
	}

	@Test
	void anAgentImportedFromTheBackgroundsSourceKeepsEveryLabelItNamesOutOfItsNegatives() {
		// ten examples of one intent do not come close to most of the hundred lines of its label
		List<float[]> examples = List.of(encoder.encode(TextNormalizer.normalize("translate hello into french")));

		OwnDomainFilter.Result result = OwnDomainFilter.unrelated(lines, vectors, examples,
				List.of("translate hello into french"), Set.of("translate", "timer_"));

		Set<String> keptLabels = result.kept().stream().map(i -> lines.get(i).label()).collect(Collectors.toSet());
		assertFalse(keptLabels.contains("clinc150:translate"), "its own intent's lines are no negatives");
		assertFalse(keptLabels.contains("clinc150:timer"), "an intent named timer_ because timer is a keyword");
		assertTrue(keptLabels.contains("clinc150:alarm"), keptLabels.toString());
	}

	@Test
	void linesThatATemplateOfTheAgentSaysAreItsOwn() {
		List<String> trips = List.of("navigate to {destination}", "how do I get to {destination}");
		List<float[]> examples = trips.stream().map(trip -> trip.replace("{destination}", "munich"))
				.map(TextNormalizer::normalize).map(encoder::encode).toList();

		OwnDomainFilter.Result result = OwnDomainFilter.unrelated(lines, vectors, examples, trips, Set.of("PlanTrip"));

		Set<String> kept = result.kept().stream().map(i -> lines.get(i).normalized()).collect(Collectors.toSet());
		assertFalse(kept.contains("how do i get to the mall by bus"), "a trip the agent's template says");
		assertTrue(kept.stream().noneMatch(line -> line.startsWith("navigate to ")), "trips the agent's template says");
		Set<String> keptLabels = result.kept().stream().map(i -> lines.get(i).label()).collect(Collectors.toSet());
		assertTrue(keptLabels.containsAll(Set.of("snips2017:PlayMusic", "clinc150:timer")), keptLabels.toString());
	}
}
