package dev.cabin.vss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cabin.testing.Repository;
import dev.cabin.vss.CatalogueFacts;
import dev.cabin.vss.DefaultCatalogue;
import dev.cabin.vss.GenerateDefaultCatalogue;
import dev.cabin.vss.NodeType;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssLoadResult;
import dev.cabin.vss.VssLoader;
import dev.cabin.vss.VssNode;

class CatalogueTest {

	private final VssCatalogue catalogue = DefaultCatalogue.get();

	@Test
	void theDefaultCatalogueHasTheStandardSignalsWithTheirFacts() {
		VssNode speed = catalogue.node("Vehicle.Speed").orElseThrow();
		assertEquals(NodeType.SENSOR, speed.type());
		assertEquals("float", speed.datatype());
		assertEquals("km/h", speed.unit());
		VssNode temperature = catalogue.node("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature").orElseThrow();
		assertEquals(NodeType.ACTUATOR, temperature.type());
		assertEquals("Celsius", temperature.unit());
		VssNode sunroof = catalogue.node("Vehicle.Cabin.Sunroof.Switch").orElseThrow();
		assertTrue(sunroof.allowed().contains("OPEN"), sunroof.allowed().toString());
		assertEquals("velocity", catalogue.unit("km/h").orElseThrow().quantity());
	}

	@Test
	void childrenAreListedLevelByLevel() {
		List<String> belowSunroof = catalogue.children("Vehicle.Cabin.Sunroof").stream().map(VssNode::name).toList();
		assertEquals(List.of("Position", "Switch", "Shade"), belowSunroof);
		assertEquals("Vehicle", catalogue.children("").get(0).path());
		assertEquals(List.of("Row1", "Row2"),
				catalogue.children("Vehicle.Cabin.Door").stream().map(VssNode::name).filter(n -> n.startsWith("Row")).toList());
	}

	@Test
	void theClosestPathRepairsTyposAndAMissingRoot() {
		assertEquals(Optional.of("Vehicle.Cabin.Sunroof.Position"), catalogue.closest("Vehicle.Cabin.Sunrof.Position"));
		assertEquals(Optional.of("Vehicle.Cabin.Sunroof"), catalogue.closest("Cabin.Sunroof"));
		assertEquals(Optional.of("Vehicle.Speed"), catalogue.closest("Vehicle.speed"));
		assertEquals(Optional.empty(), catalogue.closest("Completely.Unrelated.Thing"));
	}

	@Test
	void authorsMayWriteCommonUnitSymbols() {
		assertEquals("percent", catalogue.unitId("%"));
		assertEquals("Celsius", catalogue.unitId("°C"));
		assertEquals("Celsius", catalogue.unitId("celsius"));
		assertEquals("km/h", catalogue.unitId("km/h"));
		assertEquals(null, catalogue.unitId("parsecs"));
	}

	@Test
	void factsReadBackToTheSameCatalogue() throws IOException {
		StringBuilder facts = new StringBuilder();
		CatalogueFacts.write(catalogue, "a test", facts);

		VssCatalogue again = CatalogueFacts.read(new BufferedReader(new StringReader(facts.toString())));

		assertEquals(List.copyOf(catalogue.nodes()), List.copyOf(again.nodes()));
		assertEquals(List.copyOf(catalogue.units()), List.copyOf(again.units()));
	}

	/** The committed resource is what the checked-in generator derives from the real spec. */
	@Test
	void theCommittedDefaultCatalogueIsGeneratedFromTheSharedSpec() throws IOException {
		Path data = Repository.sharedData();
		assumeTrue(data != null, "no shared data beside the checkout (../shared/data): the real VSS spec cannot be"
				+ " compared with the committed catalogue on this machine");
		Path spec = data.resolve("vss/spec");

		VssLoadResult result = VssLoader.load(GenerateDefaultCatalogue.sources(spec));

		assertEquals(List.of(), result.problems());
		assertTrue(result.catalogue().size() > 1500, "instances expanded: " + result.catalogue().size());
		assertEquals(committedResource(), GenerateDefaultCatalogue.facts(result.catalogue(), spec));
	}

	private static String committedResource() throws IOException {
		try (InputStream in = DefaultCatalogue.class.getResourceAsStream(DefaultCatalogue.RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
