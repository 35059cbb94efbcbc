package dev.cabin.vss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cabin.vss.NodeType;
import dev.cabin.vss.VssCatalogue;
import dev.cabin.vss.VssLoadResult;
import dev.cabin.vss.VssLoader;
import dev.cabin.vss.VssNode;
import dev.cabin.vss.VssProblem;
import dev.cabin.vss.VssSources;

class VssLoaderTest {

	@TempDir
	Path dir;

	private SpecFiles files() {
		return new SpecFiles(dir);
	}

	private VssLoadResult load(Path spec, Path... overlays) {
		return VssLoader.load(VssSources.standardLayout(spec, List.of(overlays)));
	}

	private static List<String> paths(VssCatalogue catalogue, String below) {
		return catalogue.nodes().stream().map(VssNode::path).filter(p -> p.startsWith(below)).toList();
	}

	@Test
	void aRangeAndAListGiveOneLevelEachAndTheirCombinationsCarryTheChildren() {
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Door:
				  type: branch
				  instances:
				    - Row[1,2]
				    - ["DriverSide", "PassengerSide"]
				  description: doors
				Vehicle.Door.IsOpen:
				  type: actuator
				  datatype: boolean
				  description: open?
				Vehicle.Door.Count:
				  type: attribute
				  datatype: uint8
				  instantiate: false
				  description: how many
				""");

		VssLoadResult result = load(spec);

		assertEquals(List.of(), result.problems());
		assertEquals(List.of("Vehicle.Door", "Vehicle.Door.Row1", "Vehicle.Door.Row1.DriverSide",
				"Vehicle.Door.Row1.PassengerSide", "Vehicle.Door.Row2", "Vehicle.Door.Row2.DriverSide",
				"Vehicle.Door.Row2.PassengerSide", "Vehicle.Door.Row1.DriverSide.IsOpen",
				"Vehicle.Door.Row1.PassengerSide.IsOpen", "Vehicle.Door.Row2.DriverSide.IsOpen",
				"Vehicle.Door.Row2.PassengerSide.IsOpen", "Vehicle.Door.Count"),
				paths(result.catalogue(), "Vehicle.Door"));
		VssNode door = result.catalogue().node("Vehicle.Door").orElseThrow();
		assertEquals(List.of(List.of("Row1", "Row2"), List.of("DriverSide", "PassengerSide")), door.instances());
		assertEquals(NodeType.BRANCH, result.catalogue().node("Vehicle.Door.Row2.PassengerSide").orElseThrow().type());
	}

	@Test
	void aFlatListIsOneLevelAndNestedListsAreLevelsToo() {
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Mirror:
				  type: branch
				  instances: ["Left", "Right"]
				  description: mirrors
				Vehicle.Mirror.Tilt:
				  type: actuator
				  datatype: int8
				  unit: percent
				  min: -100
				  max: 100
				  description: tilt
				Vehicle.Unit:
				  type: branch
				  instances:
				    - ["Central", "Trunk"]
				  description: control units
				Vehicle.Unit.IsOk:
				  type: sensor
				  datatype: boolean
				  description: ok
				""");
		files().write("units.yaml", "percent:\n  unit: percent\n  quantity: relation\n");

		VssCatalogue catalogue = load(spec).catalogue();

		assertEquals(List.of("Vehicle.Mirror.Left.Tilt", "Vehicle.Mirror.Right.Tilt"),
				paths(catalogue, "Vehicle.Mirror").stream().filter(p -> p.endsWith("Tilt")).toList());
		VssNode tilt = catalogue.node("Vehicle.Mirror.Right.Tilt").orElseThrow();
		assertEquals(-100.0, tilt.min());
		assertEquals(100.0, tilt.max());
		assertEquals("percent", tilt.unit());
		assertTrue(catalogue.contains("Vehicle.Unit.Trunk.IsOk"));
	}

	@Test
	void includesSpliceFilesUnderTheirPrefixFromBesideTheFileOrTheIncludeFolder() {
		files().write("include/Movable.vspec", """
				Position:
				  type: actuator
				  datatype: uint8
				  description: where it is
				""");
		files().write("Cabin/Cabin.vspec", """
				Sunroof:
				  type: branch
				  description: the sunroof
				#include ../include/Movable.vspec Sunroof
				Shade:
				  type: branch
				  description: the shade
				#include include/Movable.vspec Shade
				""");
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Cabin:
				  type: branch
				  description: cabin
				#include Cabin/Cabin.vspec Vehicle.Cabin
				""");

		VssLoadResult result = load(spec);

		assertEquals(List.of(), result.problems());
		assertTrue(result.catalogue().contains("Vehicle.Cabin.Sunroof.Position"));
		assertTrue(result.catalogue().contains("Vehicle.Cabin.Shade.Position"));
	}

	@Test
	void aMissingIncludeIsReportedAtItsLine() {
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				#include Missing.vspec Vehicle
				""");

		List<VssProblem> problems = load(spec).problems();

		assertEquals(1, problems.size(), problems.toString());
		assertEquals(spec.toAbsolutePath().normalize(), problems.get(0).file());
		assertEquals(4, problems.get(0).line());
	}

	@Test
	void brokenYamlIsReportedWithLineAndColumnAndNothingThrows() {
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: [unclosed
				""");

		List<VssProblem> problems = load(spec).problems();

		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).line() >= 3, problems.toString());
		assertTrue(problems.get(0).format().contains("invalid YAML"), problems.toString());
	}

	@Test
	void structTypesAreLoadedAndSignalsReferToThemByTheirUniqueName() {
		files().write("VehicleDataTypes.vspec", """
				VehicleDataTypes:
				  type: branch
				  description: types
				VehicleDataTypes.Position:
				  type: struct
				  description: a place
				VehicleDataTypes.Position.Latitude:
				  type: property
				  datatype: double
				  unit: degrees
				  description: north
				""");
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Destination:
				  type: sensor
				  datatype: Position
				  description: where we go
				Vehicle.Stops:
				  type: sensor
				  datatype: Position[]
				  description: charging stops
				Vehicle.Broken:
				  type: sensor
				  datatype: Nowhere
				  description: no such type
				""");

		VssLoadResult result = load(spec);

		VssCatalogue catalogue = result.catalogue();
		assertEquals(NodeType.STRUCT, catalogue.node("VehicleDataTypes.Position").orElseThrow().type());
		assertEquals(NodeType.PROPERTY, catalogue.node("VehicleDataTypes.Position.Latitude").orElseThrow().type());
		assertEquals("VehicleDataTypes.Position", catalogue.node("Vehicle.Destination").orElseThrow().datatype());
		assertEquals("VehicleDataTypes.Position[]", catalogue.node("Vehicle.Stops").orElseThrow().datatype());
		assertEquals(1, result.problems().size(), result.problems().toString());
		assertTrue(result.problems().get(0).message().contains("Nowhere"));
		assertEquals(12, result.problems().get(0).line());
	}

	@Test
	void overlaysAddChangeReinstantiateAndDelete() {
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Door:
				  type: branch
				  instances: ["Row[1,2]", ["Left", "Right"]]
				  description: doors
				Vehicle.Door.IsOpen:
				  type: sensor
				  datatype: boolean
				  description: open?
				Vehicle.Horn:
				  type: actuator
				  datatype: boolean
				  description: honk
				Vehicle.Speed:
				  type: sensor
				  datatype: float
				  description: speed
				""");
		Path overlay = files().write("acme.vspec", """
				Vehicle.Door:
				  instances: ["Row[1,3]", ["Left", "Right"]]
				Vehicle.Door.IsAjar:
				  type: sensor
				  datatype: boolean
				  description: not quite closed
				Vehicle.Door.Row1.Left.HasPuddleLight:
				  type: attribute
				  datatype: boolean
				  description: only the driver's door
				Vehicle.Speed:
				  max: 250
				Vehicle.Horn:
				  delete: true
				Vehicle.Acme:
				  type: branch
				  description: the OEM's own signals
				Vehicle.Acme.Mood:
				  type: sensor
				  datatype: string
				  allowed: [CALM, HAPPY]
				  description: how the car feels
				""");

		VssLoadResult result = load(spec, overlay);

		assertEquals(List.of(), result.problems());
		VssCatalogue catalogue = result.catalogue();
		assertTrue(catalogue.contains("Vehicle.Door.Row3.Right.IsOpen"), "the template spread to the new row");
		assertTrue(catalogue.contains("Vehicle.Door.Row3.Right.IsAjar"), "a new signal lands in every instance");
		assertTrue(catalogue.contains("Vehicle.Door.Row1.Left.HasPuddleLight"));
		assertFalse(catalogue.contains("Vehicle.Door.Row2.Left.HasPuddleLight"));
		assertEquals(250.0, catalogue.node("Vehicle.Speed").orElseThrow().max());
		assertFalse(catalogue.contains("Vehicle.Horn"));
		assertEquals(List.of("CALM", "HAPPY"), catalogue.node("Vehicle.Acme.Mood").orElseThrow().allowed());
	}

	@Test
	void anOverlayOnTheDefaultCatalogueAddsToIt() {
		Path overlay = files().write("acme.vspec", """
				Vehicle.Cabin.Sunroof.Acme:
				  type: branch
				  description: the OEM's sunroof extras
				Vehicle.Cabin.Sunroof.Acme.StarrySky:
				  type: actuator
				  datatype: boolean
				  description: the starry-sky lights in the glass
				Vehicle.Cabin.Nowhere.Thing:
				  type: sensor
				  datatype: boolean
				  description: below a branch that does not exist
				""");

		VssLoadResult result = VssLoader.load(VssSources.defaultWith(List.of(overlay)));

		assertTrue(result.catalogue().contains("Vehicle.Cabin.Sunroof.Acme.StarrySky"));
		assertTrue(result.catalogue().contains("Vehicle.Speed"), "the standard signals stay");
		assertEquals(1, result.problems().size(), result.problems().toString());
		assertEquals(8, result.problems().get(0).line());
	}

	@Test
	void aNodeWithoutTypeOrWithAnUnknownUnitIsReported() {
		files().write("units.yaml", "km/h:\n  unit: kilometer per hour\n  quantity: velocity\n");
		Path spec = files().write("root.vspec", """
				Vehicle:
				  type: branch
				  description: root
				Vehicle.Speed:
				  datatype: float
				  description: no type
				Vehicle.Pace:
				  type: sensor
				  datatype: float
				  unit: furlongs/fortnight
				  description: odd unit
				""");

		List<VssProblem> problems = load(spec).problems();

		assertEquals(List.of(4, 7), problems.stream().map(VssProblem::line).toList(), problems.toString());
	}
}
